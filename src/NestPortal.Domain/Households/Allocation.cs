using NestPortal.Domain.Common;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Domain.Households;

/// <summary>
/// A Zuweisungsentscheidung: the competence centre allocates a household to a municipality
/// (§ 16 TIntG NRW with § 24 Abs. 4 AufenthG). Superseded by a later decision, never edited.
/// </summary>
public sealed class Allocation
{
    public const int FileReferenceMaxLength = 50;
    public const int LegalBasisMaxLength = 500;

    public int Id { get; private set; }
    public int HouseholdId { get; private set; }
    public Ags MunicipalityAgs { get; private set; }
    public DateOnly DecisionDate { get; private set; }
    public string FileReference { get; private set; } = string.Empty;
    public string LegalBasis { get; private set; } = string.Empty;
    public DateOnly EffectiveDate { get; private set; }
    public string IssuedByUserId { get; private set; } = string.Empty;
    public string IssuedByName { get; private set; } = string.Empty;
    public DateTime IssuedAtUtc { get; private set; }
    public DateTime? SupersededAtUtc { get; private set; }
    public string? AcknowledgedByUserId { get; private set; }
    public string? AcknowledgedByName { get; private set; }
    public DateTime? AcknowledgedAtUtc { get; private set; }

    private Allocation()
    {
    }

    internal Allocation(AllocationDecision decision, Actor actor, DateTime nowUtc)
    {
        MunicipalityAgs = decision.MunicipalityAgs;
        DecisionDate = decision.DecisionDate;
        FileReference = decision.FileReference.Trim();
        LegalBasis = decision.LegalBasis.Trim();
        EffectiveDate = decision.EffectiveDate;
        IssuedByUserId = actor.UserId;
        IssuedByName = actor.Name;
        IssuedAtUtc = nowUtc;
    }

    public bool IsCurrent => SupersededAtUtc is null;
    public bool IsAcknowledged => AcknowledgedAtUtc is not null;

    internal void Supersede(DateTime nowUtc) => SupersededAtUtc = nowUtc;

    internal void Acknowledge(Actor actor, DateTime nowUtc)
    {
        AcknowledgedByUserId = actor.UserId;
        AcknowledgedByName = actor.Name;
        AcknowledgedAtUtc = nowUtc;
    }
}

/// <summary>What a Zuweisungsentscheidung states.</summary>
public sealed record AllocationDecision(
    Ags MunicipalityAgs, DateOnly DecisionDate, string FileReference, string LegalBasis, DateOnly EffectiveDate)
{
    /// <summary>The legal basis printed unless staff change it (configurable in the web layer).</summary>
    public const string DefaultLegalBasis = "§ 16 Teilhabe- und Integrationsgesetz NRW (TIntG) in Verbindung mit § 24 Abs. 4 Aufenthaltsgesetz (AufenthG)";
}
