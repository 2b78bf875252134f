using NestPortal.Domain.Common;

namespace NestPortal.Domain.Sponsorships;

/// <summary>
/// Who the rent goes to (Zahlungsempfänger): the landlord's name, IBAN (mod-97 checked) and the payment
/// reference the landlord asked for. Reconciliation finds the rent debits by this IBAN, and the credit
/// transfer file (pain.001) pays to it.
/// </summary>
public sealed record LandlordPayee
{
    /// <summary>SEPA allows 70 characters for a creditor's name.</summary>
    public const int NameMaxLength = 70;

    /// <summary>SEPA's unstructured remittance text holds 140 characters; the month is added to it, so the landlord's part is shorter.</summary>
    public const int ReferenceMaxLength = 100;

    public string Name { get; private init; } = string.Empty;
    public Iban Iban { get; private init; }
    public string Reference { get; private init; } = string.Empty;

    private LandlordPayee()
    {
    }

    public static LandlordPayee Create(string name, string iban, string reference)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            errors.Add(new DomainError("Bitte geben Sie den Namen der Vermieterin oder des Vermieters an (höchstens {0} Zeichen).", NameMaxLength));
        if (!Iban.TryParse(iban, out var parsed))
            errors.Add(new DomainError("Die IBAN „{0}“ ist ungültig; bitte prüfen Sie sie (Prüfziffer).", iban ?? string.Empty));
        if (string.IsNullOrWhiteSpace(reference) || reference.Trim().Length > ReferenceMaxLength)
            errors.Add(new DomainError("Bitte geben Sie den Verwendungszweck für die Miete an (höchstens {0} Zeichen).", ReferenceMaxLength));
        if (errors.Count > 0) throw new DomainException(errors);
        return new LandlordPayee { Name = name.Trim(), Iban = parsed, Reference = reference.Trim() };
    }
}
