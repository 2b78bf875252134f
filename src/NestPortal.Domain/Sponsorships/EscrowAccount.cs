using NestPortal.Domain.Common;

namespace NestPortal.Domain.Sponsorships;

/// <summary>The separate account (Mietkonto) that holds the rent paid in advance: who holds it, where.</summary>
public sealed record EscrowAccount
{
    public const int HolderMaxLength = 200;
    public const int BankMaxLength = 200;

    public string AccountHolder { get; private init; } = string.Empty;
    public Iban Iban { get; private init; }
    public string BankName { get; private init; } = string.Empty;

    private EscrowAccount()
    {
    }

    /// <summary>The account without its holder's name (retention); IBAN and bank remain for the ledger.</summary>
    internal EscrowAccount WithoutHolder() => this with { AccountHolder = string.Empty };

    public static EscrowAccount Create(string accountHolder, string iban, string bankName)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(accountHolder) || accountHolder.Trim().Length > HolderMaxLength)
            errors.Add(new DomainError("Bitte geben Sie die kontoführende Person oder Stelle an (höchstens {0} Zeichen).", HolderMaxLength));
        if (!Iban.TryParse(iban, out var parsed))
            errors.Add(new DomainError("Die IBAN „{0}“ ist ungültig; bitte prüfen Sie sie (Prüfziffer).", iban ?? string.Empty));
        if (string.IsNullOrWhiteSpace(bankName) || bankName.Trim().Length > BankMaxLength)
            errors.Add(new DomainError("Bitte geben Sie die Bank an (höchstens {0} Zeichen).", BankMaxLength));
        if (errors.Count > 0) throw new DomainException(errors);
        return new EscrowAccount { AccountHolder = accountHolder.Trim(), Iban = parsed, BankName = bankName.Trim() };
    }
}
