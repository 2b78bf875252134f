using NestPortal.Domain.Common;

namespace NestPortal.Domain.Sponsorships;

/// <summary>Where the rent goes and who pays it: the landlord as payee, and the trustee when an organisation holds the account.</summary>
public sealed partial class Sponsorship
{
    public const int TrusteeMaxLength = 140;

    /// <summary>The landlord the rent is paid to; null until staff record it.</summary>
    public LandlordPayee? Landlord { get; private set; }

    /// <summary>
    /// The organisation holding the rent account for the group (Treuhänder), when one does: it pays the
    /// rent with a credit transfer file (pain.001) made from the ledger. Null when the group pays itself.
    /// </summary>
    public string? TrusteeName { get; private set; }

    public bool PaidByTrustee => TrusteeName is not null;

    /// <summary>Records the landlord as payee and, optionally, the trustee that holds the account.</summary>
    public void SetPayee(LandlordPayee landlord, string? trusteeName)
    {
        var trustee = string.IsNullOrWhiteSpace(trusteeName) ? null : trusteeName.Trim();
        var errors = new List<DomainError>();
        CheckRunning(errors);
        if (Apartment.OwnedByGroup)
            errors.Add(new DomainError("Für eine Wohnung im Eigentum der Gruppe wird keine Miete gezahlt; ein Zahlungsempfänger ist nicht nötig."));
        if (trustee is { Length: > TrusteeMaxLength })
            errors.Add(new DomainError("Der Name des Treuhänders darf höchstens {0} Zeichen lang sein.", TrusteeMaxLength));
        if (landlord.Iban == EscrowAccount.Iban)
            errors.Add(new DomainError("Die IBAN der Vermieterin oder des Vermieters ist die des Mietkontos selbst."));
        if (errors.Count > 0) throw new DomainException(errors);
        Landlord = landlord;
        TrusteeName = trustee;
        Touch();
    }
}
