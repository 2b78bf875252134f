using NestPortal.Domain.Households;

namespace NestPortal.Web.Lookups;

/// <summary>
/// How household references (Aktenzeichen) are suggested (configuration section <c>References</c>):
/// the pattern the create form's suggestion follows, e.g. <c>NesT-{yyyy}-{n:0000}</c> (docs/operations.md).
/// </summary>
public sealed class ReferenceOptions
{
    public const string Section = "References";
    public const string DefaultPattern = "NesT-{yyyy}-{n:0000}";

    public string Pattern { get; set; } = DefaultPattern;

    /// <summary>
    /// The configured pattern, checked at start-up so that a typo stops the portal with a clear message
    /// instead of a broken form later: it must read, and a reference it makes must fit the field.
    /// </summary>
    public static ReferencePattern Check(string? configured)
    {
        var text = string.IsNullOrWhiteSpace(configured) ? DefaultPattern : configured;
        ReferencePattern pattern;
        try
        {
            pattern = ReferencePattern.Parse(text);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{Section}:Pattern is not usable: {e.Message}", e);
        }

        if (pattern.Format(2099, 99_999).Length > Household.ReferenceMaxLength)
            throw new InvalidOperationException(
                $"{Section}:Pattern \"{text}\" makes references longer than the {Household.ReferenceMaxLength} characters a reference may have.");
        return pattern;
    }
}
