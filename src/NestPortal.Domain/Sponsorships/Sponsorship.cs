using NestPortal.Domain.Common;
using NestPortal.Domain.Programme;

namespace NestPortal.Domain.Sponsorships;

public enum SponsorshipStatus
{
    Running,
    Completed,
}

/// <summary>
/// One group taking on one household (Mentoring): the flat, the escrow account and the two
/// obligations, rent for the rule set's months from the lease-start month and support for its
/// months from arrival. Created by recording BAMF's match.
/// </summary>
public sealed partial class Sponsorship
{
    public const int ReasonMaxLength = 2000;

    public int Id { get; private set; }
    public int GroupId { get; private set; }
    public int HouseholdId { get; private set; }
    public int RuleSetId { get; private set; }

    /// <summary>Why staff chose another rule set than the one of the group's submission date, if they did.</summary>
    public string? RuleSetReason { get; private set; }

    public Apartment Apartment { get; private set; } = null!;
    public EscrowAccount EscrowAccount { get; private set; } = null!;
    public int RentMonths { get; private set; }
    public int SupportMonths { get; private set; }

    /// <summary>The first month rent is paid for: the month the lease starts.</summary>
    public DateOnly RentFirstMonth { get; private set; }

    /// <summary>The last day rent is paid for; null when the rule set pays no rent (a flat the group owns).</summary>
    public DateOnly? RentEndsOn { get; private set; }

    public SponsorshipStatus Status { get; private set; }
    public DateOnly MatchedOn { get; private set; }
    public string MatchedByName { get; private set; } = string.Empty;
    public DateTime CreatedAtUtc { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    private Sponsorship()
    {
    }

    /// <summary>The last month rent is paid for, or null when none is.</summary>
    public DateOnly? LastRentMonth => RentMonths == 0 ? null : RentFirstMonth.AddMonths(RentMonths - 1);

    /// <summary>
    /// Erases what names people with the household's identifying data (retention): the flat's street, the
    /// rent account's holder (often a member), the landlord as payee and who continued the support. Only a
    /// completed sponsorship's; a running one still needs them. The account's IBAN stays with the ledger.
    /// </summary>
    public void EraseIdentifyingData()
    {
        if (Status != SponsorshipStatus.Completed)
            throw new DomainException("Die Adresse einer laufenden Mentoring-Übernahme kann nicht gelöscht werden.");
        if (Apartment.Street.Length == 0 && EscrowAccount.AccountHolder.Length == 0 && ContinuedSupportBy is null && Landlord is null) return;
        Apartment = Apartment.WithoutStreet();
        EscrowAccount = EscrowAccount.WithoutHolder();
        ContinuedSupportBy = null;
        // The landlord may be a person: name, IBAN and reference go together (a payee is all three or none).
        Landlord = null;
        Touch();
    }

    /// <summary>
    /// Moves the sponsorship to another rule set (as in July 2022), with a written reason: rent months
    /// and end dates follow the new rules.
    /// </summary>
    public void SwitchRuleSet(ProgrammeRuleSet ruleSet, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Bitte begründen Sie den Wechsel der Programmregeln.");
        if (reason.Trim().Length > ReasonMaxLength)
            throw new DomainException("Die Begründung darf höchstens {0} Zeichen lang sein.", ReasonMaxLength);
        if (ruleSet.Id == RuleSetId)
            throw new DomainException("Die Mentoring-Übernahme folgt bereits den Regeln „{0}“.", ruleSet.Name);
        if (Status != SponsorshipStatus.Running)
            throw new DomainException("Eine abgeschlossene Mentoring-Übernahme kann nicht mehr geändert werden.");
        ApplyRuleSet(ruleSet, reason.Trim());
    }

    private void ApplyRuleSet(ProgrammeRuleSet ruleSet, string? reason)
    {
        RuleSetId = ruleSet.Id;
        RuleSetReason = reason;
        RentMonths = Apartment.OwnedByGroup ? ruleSet.RentMonthsWithOwnedFlat : ruleSet.RentMonths;
        SupportMonths = ruleSet.SupportMonths;
        RentFirstMonth = Months.FirstOf(Apartment.LeaseStart);
        DateOnly? rentEndsOn = RentMonths == 0 ? null : Months.EndOfPeriod(RentFirstMonth, RentMonths);
        if (rentEndsOn != RentEndsOn)
        {
            // A new end: the rent period is judged afresh (months to pay, a refund at the new end) and
            // the municipality is told the new date.
            RentPeriodCompletedOn = null;
            RentEndNoticeSentOn = null;
        }

        RentEndsOn = rentEndsOn;
        Touch();
    }
}
