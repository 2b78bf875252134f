using NestPortal.Web.Texts;
using static NestPortal.Web.Tests.Texts.Localized;

namespace NestPortal.Web.Tests.Texts;

/// <summary>Regression: "1 Einträge", "1 Mentorinnen"; the helper picks singular or plural, in German and English.</summary>
public sealed class CountsTests
{
    [Theory]
    [InlineData(0, "0 Familien gefunden.", "0 households found.")]
    [InlineData(1, "1 Familie gefunden.", "1 household found.")]
    [InlineData(2, "2 Familien gefunden.", "2 households found.")]
    [InlineData(1500, "1.500 Familien gefunden.", "1,500 households found.")]
    public void One_is_singular_everything_else_plural(long count, string german, string english)
    {
        In("de-DE", () => L.Count(count, "{0} Familie gefunden.", "{0} Familien gefunden.")).ShouldBe(german);
        In("en", () => L.Count(count, "{0} Familie gefunden.", "{0} Familien gefunden.")).ShouldBe(english);
    }

    [Fact]
    public void Texts_with_more_arguments_take_them_as_given()
    {
        In("de-DE", () => L.Count(1, "Seite {0} von {1} ({2} Eintrag)", "Seite {0} von {1} ({2} Einträge)", 1, 1, 1)).ShouldBe("Seite 1 von 1 (1 Eintrag)");
        In("en", () => L.Count(27, "Seite {0} von {1} ({2} Eintrag)", "Seite {0} von {1} ({2} Einträge)", 1, 2, 27)).ShouldBe("Page 1 of 2 (27 entries)");
    }

    [Fact]
    public void Where_german_has_one_form_english_still_tells_one_from_many()
    {
        In("de-DE", () => L.Count(1, "1 Fehler", "{0} Fehler")).ShouldBe("1 Fehler");
        In("de-DE", () => L.Count(3, "1 Fehler", "{0} Fehler")).ShouldBe("3 Fehler");
        In("en", () => L.Count(1, "1 Fehler", "{0} Fehler")).ShouldBe("1 failure");
        In("en", () => L.Count(3, "1 Fehler", "{0} Fehler")).ShouldBe("3 failures");
    }
}
