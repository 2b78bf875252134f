using System.Numerics;

namespace NestPortal.Domain.Common;

/// <summary>
/// An International Bank Account Number, stored without spaces in capitals, accepted only when its
/// check digits hold (ISO 13616, mod 97): a mistyped digit is caught before any money moves.
/// </summary>
public readonly record struct Iban
{
    public string Value { get; }

    private Iban(string value) => Value = value;

    public static Iban Parse(string? text) =>
        TryParse(text, out var iban)
            ? iban
            : throw new DomainException("Die IBAN „{0}“ ist ungültig; bitte prüfen Sie sie (Prüfziffer).", text ?? string.Empty);

    public static bool TryParse(string? text, out Iban iban)
    {
        iban = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (compact.Length is < 15 or > 34) return false;
        if (!char.IsAsciiLetter(compact[0]) || !char.IsAsciiLetter(compact[1])) return false;
        if (!char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3])) return false;
        if (!compact.All(char.IsAsciiLetterOrDigit)) return false;
        // A German IBAN is always 22 characters; other countries' lengths vary and are not checked.
        if (compact.StartsWith("DE", StringComparison.Ordinal) && compact.Length != 22) return false;

        var rearranged = compact[4..] + compact[..4];
        var digits = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString()));
        if (BigInteger.Parse(digits) % 97 != 1) return false;
        iban = new Iban(compact);
        return true;
    }

    /// <summary>Groups of four, as printed on statements.</summary>
    public string Formatted
    {
        get
        {
            var value = Value ?? string.Empty;
            return string.Join(' ', value.Chunk(4).Select(chunk => new string(chunk)));
        }
    }

    public override string ToString() => Value;
}
