using System.Globalization;

namespace NestPortal.Domain.Common;

/// <summary>
/// A broken business rule, phrased for the person who can fix it. <see cref="Template"/> is the
/// German text with composite-format placeholders; the web layer uses it as the key to translate,
/// so the domain stays free of any localisation library.
/// </summary>
public sealed record DomainError(string Template, params object[] Arguments)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public string Format(IFormatProvider? culture = null) =>
        string.Format(culture ?? German, Template, Arguments);

    public override string ToString() => Format();
}

/// <summary>Thrown when a command would break one or more rules; the web layer shows them on the form.</summary>
public sealed class DomainException : Exception
{
    public IReadOnlyList<DomainError> Errors { get; }

    public DomainException(IReadOnlyList<DomainError> errors)
        : base(string.Join(" ", errors.Select(e => e.Format())))
    {
        if (errors.Count == 0) throw new ArgumentException("A domain exception needs at least one error.", nameof(errors));
        Errors = errors;
    }

    public DomainException(string template, params object[] arguments)
        : this([new DomainError(template, arguments)])
    {
    }
}
