using System.Globalization;
using FluentValidation;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>FluentValidation's default messages in natural German and matching English (regression: "'Ihr Name' darf nicht leer sein.").</summary>
public sealed class ValidationLanguageTests
{
    private sealed class Sample
    {
        public string? Name { get; init; }
        public DateOnly? Day { get; init; }
        public string? Email { get; init; }
        public int? Count { get; init; }
        public string? Code { get; init; }
    }

    private sealed class SampleValidator : AbstractValidator<Sample>
    {
        public SampleValidator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(5).WithName("Ihr Name");
            RuleFor(x => x.Day).NotNull().WithName("Datum");
            RuleFor(x => x.Email).EmailAddress().WithName("E-Mail-Adresse");
            RuleFor(x => x.Count).InclusiveBetween(1, 10).GreaterThanOrEqualTo(2).LessThanOrEqualTo(8).WithName("Anzahl");
            RuleFor(x => x.Code).Matches("^[A-Z]+$").Length(2, 3).WithName("Kürzel");
        }
    }

    static ValidationLanguageTests() => ValidatorOptions.Global.LanguageManager = new ValidationLanguage();

    private static List<string> Messages(Sample sample, string culture)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return new SampleValidator().Validate(sample).Errors.Select(e => e.ErrorMessage).ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Empty_fields_are_asked_for_in_natural_german()
    {
        Messages(new Sample(), "de-DE").ShouldBe(["Bitte füllen Sie „Ihr Name“ aus.", "Bitte füllen Sie „Datum“ aus."]);
    }

    [Fact]
    public void Empty_fields_are_asked_for_in_english_on_english_pages()
    {
        Messages(new Sample(), "en").ShouldBe(["Please fill in “Ihr Name”.", "Please fill in “Datum”."]);
    }

    [Fact]
    public void Lengths_formats_and_ranges_read_naturally_in_german()
    {
        var messages = Messages(new Sample { Name = "Zu langer Name", Day = new DateOnly(2026, 1, 1), Email = "keine-adresse", Count = 0, Code = "abcd" }, "de-DE");

        messages.ShouldBe([
            "„Ihr Name“ darf höchstens 5 Zeichen lang sein; eingegeben sind 14.",
            "Bitte geben Sie bei „E-Mail-Adresse“ eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.",
            "„Anzahl“ muss zwischen 1 und 10 liegen.",
            "„Anzahl“ muss mindestens 2 sein.",
            "Bitte prüfen Sie „Kürzel“: Die Eingabe hat nicht die erwartete Form.",
            "„Kürzel“ muss zwischen 2 und 3 Zeichen lang sein; eingegeben sind 4.",
        ]);
        messages.ShouldAllBe(m => !m.Contains('\''), "no robotic quotes");
    }

    [Fact]
    public void Lengths_formats_and_ranges_read_naturally_in_english()
    {
        var messages = Messages(new Sample { Name = "Zu langer Name", Day = new DateOnly(2026, 1, 1), Email = "keine-adresse", Count = 9, Code = "AB" }, "en");

        messages.ShouldBe([
            "“Ihr Name” may be at most 5 characters long; you entered 14.",
            "Please enter a valid e-mail address for “E-Mail-Adresse”, e.g. name@example.org.",
            "“Anzahl” may be at most 8.",
        ]);
    }

    [Fact]
    public void Every_message_has_a_german_and_an_english_wording_with_the_same_placeholders()
    {
        var language = new ValidationLanguage();
        foreach (var key in ValidationLanguage.Keys)
        {
            var german = language.GetString(key, new CultureInfo("de-DE"));
            var english = language.GetString(key, new CultureInfo("en"));
            german.ShouldContain("{PropertyName}", customMessage: key);
            english.ShouldNotBe(german, key);
            Placeholders(english).ShouldBe(Placeholders(german), key);
        }

        static List<string> Placeholders(string text) =>
            System.Text.RegularExpressions.Regex.Matches(text, @"\{\w+\}").Select(m => m.Value).Order().ToList();
    }
}
