using System.Globalization;
using FluentValidation.Resources;

namespace NestPortal.Web.Infrastructure;

/// <summary>
/// FluentValidation's default messages as people write them: "Bitte füllen Sie „Ihr Name“ aus." instead of
/// the library's "'Ihr Name' darf nicht leer sein." (and "darf keinen Null-Wert aufweisen" for a date). German
/// for the portal's German pages and any language it does not offer, English for English pages; the
/// field's name comes from the rule's WithName, already in the page's language. Messages a validator
/// words itself (WithMessage) are not touched. Registered once at start-up (<c>PagesRegistration</c>).
/// </summary>
/// <remarks>
/// The "_Simple" keys are what the client-side adapters put into data-val-* attributes: they cannot know
/// the length typed so far, so they leave it out.
/// </remarks>
public sealed class ValidationLanguage : LanguageManager
{
    private static readonly Dictionary<string, string> German = new(StringComparer.Ordinal)
    {
        ["NotEmptyValidator"] = "Bitte füllen Sie „{PropertyName}“ aus.",
        ["NotNullValidator"] = "Bitte füllen Sie „{PropertyName}“ aus.",
        ["EmptyValidator"] = "„{PropertyName}“ muss leer bleiben.",
        ["NullValidator"] = "„{PropertyName}“ muss leer bleiben.",
        ["MaximumLengthValidator"] = "„{PropertyName}“ darf höchstens {MaxLength} Zeichen lang sein; eingegeben sind {TotalLength}.",
        ["MaximumLength_Simple"] = "„{PropertyName}“ darf höchstens {MaxLength} Zeichen lang sein.",
        ["MinimumLengthValidator"] = "„{PropertyName}“ muss mindestens {MinLength} Zeichen lang sein; eingegeben sind {TotalLength}.",
        ["MinimumLength_Simple"] = "„{PropertyName}“ muss mindestens {MinLength} Zeichen lang sein.",
        ["LengthValidator"] = "„{PropertyName}“ muss zwischen {MinLength} und {MaxLength} Zeichen lang sein; eingegeben sind {TotalLength}.",
        ["Length_Simple"] = "„{PropertyName}“ muss zwischen {MinLength} und {MaxLength} Zeichen lang sein.",
        ["ExactLengthValidator"] = "„{PropertyName}“ muss genau {MaxLength} Zeichen lang sein; eingegeben sind {TotalLength}.",
        ["ExactLength_Simple"] = "„{PropertyName}“ muss genau {MaxLength} Zeichen lang sein.",
        ["EmailValidator"] = "Bitte geben Sie bei „{PropertyName}“ eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.",
        ["GreaterThanValidator"] = "„{PropertyName}“ muss größer als {ComparisonValue} sein.",
        ["GreaterThanOrEqualValidator"] = "„{PropertyName}“ muss mindestens {ComparisonValue} sein.",
        ["LessThanValidator"] = "„{PropertyName}“ muss kleiner als {ComparisonValue} sein.",
        ["LessThanOrEqualValidator"] = "„{PropertyName}“ darf höchstens {ComparisonValue} sein.",
        ["InclusiveBetweenValidator"] = "„{PropertyName}“ muss zwischen {From} und {To} liegen.",
        ["InclusiveBetween_Simple"] = "„{PropertyName}“ muss zwischen {From} und {To} liegen.",
        ["ExclusiveBetweenValidator"] = "„{PropertyName}“ muss größer als {From} und kleiner als {To} sein.",
        ["RegularExpressionValidator"] = "Bitte prüfen Sie „{PropertyName}“: Die Eingabe hat nicht die erwartete Form.",
        ["PredicateValidator"] = "Bitte prüfen Sie die Angabe bei „{PropertyName}“.",
        ["AsyncPredicateValidator"] = "Bitte prüfen Sie die Angabe bei „{PropertyName}“.",
        ["EqualValidator"] = "„{PropertyName}“ muss „{ComparisonValue}“ sein.",
        ["NotEqualValidator"] = "„{PropertyName}“ darf nicht „{ComparisonValue}“ sein.",
        ["EnumValidator"] = "Bitte wählen Sie bei „{PropertyName}“ einen der angebotenen Werte.",
        ["StringEnumValidator"] = "Bitte wählen Sie bei „{PropertyName}“ einen der angebotenen Werte.",
        ["CreditCardValidator"] = "„{PropertyName}“ ist keine gültige Kartennummer.",
        ["ScalePrecisionValidator"] = "„{PropertyName}“ darf höchstens {ExpectedPrecision} Ziffern haben, davon höchstens {ExpectedScale} nach dem Komma.",
        [CleanTextKey] = "„{PropertyName}“ enthält unsichtbare Steuer- oder Formatzeichen (etwa einen Zeilenumbruch, eine Umkehr der Schreibrichtung oder ein Leerzeichen ohne Breite). Bitte geben Sie den Text ohne diese Zeichen ein.",
    };

    private static readonly Dictionary<string, string> English = new(StringComparer.Ordinal)
    {
        ["NotEmptyValidator"] = "Please fill in “{PropertyName}”.",
        ["NotNullValidator"] = "Please fill in “{PropertyName}”.",
        ["EmptyValidator"] = "“{PropertyName}” must stay empty.",
        ["NullValidator"] = "“{PropertyName}” must stay empty.",
        ["MaximumLengthValidator"] = "“{PropertyName}” may be at most {MaxLength} characters long; you entered {TotalLength}.",
        ["MaximumLength_Simple"] = "“{PropertyName}” may be at most {MaxLength} characters long.",
        ["MinimumLengthValidator"] = "“{PropertyName}” must be at least {MinLength} characters long; you entered {TotalLength}.",
        ["MinimumLength_Simple"] = "“{PropertyName}” must be at least {MinLength} characters long.",
        ["LengthValidator"] = "“{PropertyName}” must be between {MinLength} and {MaxLength} characters long; you entered {TotalLength}.",
        ["Length_Simple"] = "“{PropertyName}” must be between {MinLength} and {MaxLength} characters long.",
        ["ExactLengthValidator"] = "“{PropertyName}” must be exactly {MaxLength} characters long; you entered {TotalLength}.",
        ["ExactLength_Simple"] = "“{PropertyName}” must be exactly {MaxLength} characters long.",
        ["EmailValidator"] = "Please enter a valid e-mail address for “{PropertyName}”, e.g. name@example.org.",
        ["GreaterThanValidator"] = "“{PropertyName}” must be greater than {ComparisonValue}.",
        ["GreaterThanOrEqualValidator"] = "“{PropertyName}” must be at least {ComparisonValue}.",
        ["LessThanValidator"] = "“{PropertyName}” must be less than {ComparisonValue}.",
        ["LessThanOrEqualValidator"] = "“{PropertyName}” may be at most {ComparisonValue}.",
        ["InclusiveBetweenValidator"] = "“{PropertyName}” must be between {From} and {To}.",
        ["InclusiveBetween_Simple"] = "“{PropertyName}” must be between {From} and {To}.",
        ["ExclusiveBetweenValidator"] = "“{PropertyName}” must be greater than {From} and less than {To}.",
        ["RegularExpressionValidator"] = "Please check “{PropertyName}”: it is not in the expected form.",
        ["PredicateValidator"] = "Please check “{PropertyName}”.",
        ["AsyncPredicateValidator"] = "Please check “{PropertyName}”.",
        ["EqualValidator"] = "“{PropertyName}” must be “{ComparisonValue}”.",
        ["NotEqualValidator"] = "“{PropertyName}” must not be “{ComparisonValue}”.",
        ["EnumValidator"] = "Please choose one of the offered values for “{PropertyName}”.",
        ["StringEnumValidator"] = "Please choose one of the offered values for “{PropertyName}”.",
        ["CreditCardValidator"] = "“{PropertyName}” is not a valid card number.",
        ["ScalePrecisionValidator"] = "“{PropertyName}” may have at most {ExpectedPrecision} digits, at most {ExpectedScale} of them after the decimal point.",
        [CleanTextKey] = "“{PropertyName}” contains invisible control or format characters (such as a line break, a reversal of the writing direction or a zero-width space). Please enter the text without them.",
    };

    /// <summary>The portal's own rule that every text field passes (<see cref="TextInput"/>), checked with each form.</summary>
    public const string CleanTextKey = "CleanTextValidator";

    /// <summary>The keys this class words; every key FluentValidation and its client-side adapters ask for.</summary>
    public static IReadOnlyCollection<string> Keys => German.Keys;

    public override string GetString(string key, CultureInfo? culture = null)
    {
        culture ??= Culture ?? CultureInfo.CurrentUICulture;
        var messages = culture.TwoLetterISOLanguageName == "en" ? English : German;
        return messages.TryGetValue(key, out var message) ? message : base.GetString(key, culture);
    }
}
