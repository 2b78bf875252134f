using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NestPortal.Domain.Households;

/// <summary>
/// How the competence centre numbers its household references (Aktenzeichen), e.g.
/// <c>NesT-{yyyy}-{n:0000}</c> → <c>NesT-2026-0007</c>: literal text, the year (<c>{yyyy}</c> or
/// <c>{yy}</c>) and exactly one running number (<c>{n}</c>, or <c>{n:0000}</c> padded with zeros to
/// that many digits). With a year in the pattern the numbers start again every year; without one they
/// run on. The pattern only suggests: staff may type any reference, and uniqueness is the household's index.
/// </summary>
public sealed class ReferencePattern
{
    private readonly IReadOnlyList<Part> _parts;

    public string Text { get; }

    /// <summary>Whether the numbers start again each year.</summary>
    public bool HasYear => _parts.Any(p => p.Kind is PartKind.Year4 or PartKind.Year2);

    private ReferencePattern(string text, IReadOnlyList<Part> parts)
    {
        Text = text;
        _parts = parts;
    }

    /// <summary>Reads a pattern; a pattern the portal cannot number is a configuration error, said in English for the operator.</summary>
    public static ReferencePattern Parse(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) throw new FormatException("The reference pattern is empty.");
        var parts = new List<Part>();
        var literal = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '}') throw new FormatException($"The reference pattern \"{pattern}\" has a '}}' without '{{'.");
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var end = pattern.IndexOf('}', i);
            if (end < 0) throw new FormatException($"The reference pattern \"{pattern}\" has a '{{' without '}}'.");
            if (literal.Length > 0) parts.Add(new Part(PartKind.Literal, literal.ToString()));
            literal.Clear();
            parts.Add(Token(pattern, pattern[(i + 1)..end]));
            i = end;
        }

        if (literal.Length > 0) parts.Add(new Part(PartKind.Literal, literal.ToString()));
        if (parts.Count(p => p.Kind == PartKind.Number) != 1)
            throw new FormatException($"The reference pattern \"{pattern}\" must hold exactly one running number, {{n}} or {{n:0000}}.");
        if (pattern.Trim() != pattern)
            throw new FormatException($"The reference pattern \"{pattern}\" must not start or end with spaces: references are saved trimmed.");
        return new ReferencePattern(pattern, parts);
    }

    private static Part Token(string pattern, string token) => token switch
    {
        "yyyy" => new Part(PartKind.Year4, token),
        "yy" => new Part(PartKind.Year2, token),
        "n" => new Part(PartKind.Number, token, 1),
        _ when token.StartsWith("n:", StringComparison.Ordinal) && token.Length is > 2 and <= 11 && token[2..].All(c => c == '0') =>
            new Part(PartKind.Number, token, token.Length - 2),
        _ => throw new FormatException(
            $"The reference pattern \"{pattern}\" has an unknown placeholder {{{token}}}: use {{yyyy}}, {{yy}}, {{n}} or {{n:0000}}."),
    };

    /// <summary>The reference with number <paramref name="number"/> (from 1) in <paramref name="year"/>.</summary>
    public string Format(int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            text.Append(part.Kind == PartKind.Number ? number.ToString(new string('0', part.Digits), CultureInfo.InvariantCulture) : part.TextIn(year));
        }

        return text.ToString();
    }

    /// <summary>
    /// The running number of <paramref name="reference"/> if it follows the pattern for <paramref name="year"/>
    /// (letters in any case, as a case-insensitive database compares them; any number of digits, so a
    /// typed "012" or "00012" counts as 12: the next suggestion goes above every number in use).
    /// </summary>
    public bool TryReadNumber(string? reference, int year, out int number) => TryReadNumber(Matcher(year), reference, out number);

    private static bool TryReadNumber(Regex matcher, string? reference, out int number)
    {
        number = 0;
        if (reference is null) return false;
        var match = matcher.Match(reference.Trim());
        return match.Success && int.TryParse(match.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }

    /// <summary>
    /// The literal start of every reference of <paramref name="year"/> (up to the running number), to narrow
    /// down the references to read before <see cref="TryReadNumber"/> looks at each.
    /// </summary>
    public string PrefixFor(int year)
    {
        var prefix = new StringBuilder();
        foreach (var part in _parts.TakeWhile(p => p.Kind != PartKind.Number)) prefix.Append(part.TextIn(year));
        return prefix.ToString();
    }

    /// <summary>
    /// The next free reference of <paramref name="year"/>: one above the highest number among
    /// <paramref name="existing"/> that follow the pattern. It can never be one of them: any reference
    /// equal to it would follow the pattern with that very number. Null when the numbers are used up.
    /// </summary>
    public string? Next(IEnumerable<string> existing, int year)
    {
        var matcher = Matcher(year);
        var highest = 0;
        foreach (var reference in existing)
            if (TryReadNumber(matcher, reference, out var number) && number > highest) highest = number;
        return highest == int.MaxValue ? null : Format(year, highest + 1);
    }

    private Regex Matcher(int year)
    {
        var regex = new StringBuilder("^");
        foreach (var part in _parts)
            regex.Append(part.Kind == PartKind.Number ? "(?<n>[0-9]+)" : Regex.Escape(part.TextIn(year)));
        return new Regex(regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public override string ToString() => Text;

    private enum PartKind
    {
        Literal,
        Year4,
        Year2,
        Number,
    }

    private sealed record Part(PartKind Kind, string Text, int Digits = 0)
    {
        /// <summary>The text of a literal or year part in <paramref name="year"/>.</summary>
        public string TextIn(int year) => Kind switch
        {
            PartKind.Year4 => year.ToString("0000", CultureInfo.InvariantCulture),
            PartKind.Year2 => (year % 100).ToString("00", CultureInfo.InvariantCulture),
            _ => Text,
        };
    }
}
