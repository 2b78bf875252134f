using System.Globalization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>Amounts as people type them in the page's language, including the format the portal displays.</summary>
public class DecimalInputTests
{
    [Theory]
    [InlineData("de-DE", "650,50", "650.50")]
    [InlineData("de-DE", "8.286,00", "8286.00")]
    [InlineData("de-DE", "8.286,00 €", "8286.00")]
    [InlineData("de-DE", "1.234.567", "1234567")]
    [InlineData("en", "8,286.00", "8286.00")]
    [InlineData("en", "650.50", "650.50")]
    public void Accepts(string culture, string typed, string expected)
    {
        using var _ = new CultureScope(culture);
        DecimalInput.Parse(typed).ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("de-DE", "650.50")]
    [InlineData("de-DE", "8.28,00")]
    [InlineData("de-DE", "82.86.00")]
    [InlineData("en", "8,28.00")]
    [InlineData("en", "650,50")]
    public void Refuses_separators_that_do_not_group_three_digits(string culture, string typed)
    {
        using var _ = new CultureScope(culture);
        DecimalInput.Parse(typed).ShouldBeNull();
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

        public CultureScope(string name) => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);

        public void Dispose() => CultureInfo.CurrentCulture = _previous;
    }
}
