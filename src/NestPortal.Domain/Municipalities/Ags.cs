using NestPortal.Domain.Common;

namespace NestPortal.Domain.Municipalities;

/// <summary>
/// Amtlicher Gemeindeschlüssel of a municipality in North Rhine-Westphalia: eight digits, the first
/// two the state code 05. Kept as a string because the leading zero is significant.
/// </summary>
public readonly record struct Ags
{
    private const string NrwStateCode = "05";

    public string Value { get; }

    private Ags(string value) => Value = value;

    public static bool TryParse(string? text, out Ags ags)
    {
        var candidate = text?.Trim() ?? string.Empty;
        var valid = candidate.Length == 8
                    && candidate.All(char.IsAsciiDigit)
                    && candidate.StartsWith(NrwStateCode, StringComparison.Ordinal);
        ags = valid ? new Ags(candidate) : default;
        return valid;
    }

    public static Ags Parse(string? text) =>
        TryParse(text, out var ags)
            ? ags
            : throw new DomainException("„{0}“ ist kein Gemeindeschlüssel in Nordrhein-Westfalen (8 Ziffern, beginnend mit 05).", text ?? string.Empty);

    public override string ToString() => Value;
}
