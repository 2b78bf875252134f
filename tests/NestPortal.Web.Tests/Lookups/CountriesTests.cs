using NestPortal.Web.Lookups;
using System.Globalization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Tests.Lookups;

public sealed class CountriesTests
{
    private static readonly Countries List = Countries.FromEmbeddedList();

    [Fact]
    public void The_embedded_list_holds_every_ISO_3166_1_alpha_2_code_once()
    {
        List.All.Count.ShouldBe(249);
        List.All.Select(c => c.Code).Distinct().Count().ShouldBe(249);
        List.All.ShouldAllBe(c => c.Code.Length == 2 && c.Code.All(char.IsAsciiLetterUpper) && c.German.Length > 0 && c.English.Length > 0);
    }

    [Theory]
    [InlineData("SY", "Syrien", "Syria")]
    [InlineData("AF", "Afghanistan", "Afghanistan")]
    [InlineData("ER", "Eritrea", "Eritrea")]
    [InlineData("LB", "Libanon", "Lebanon")]
    [InlineData("TR", "Türkei", "Türkiye")]
    [InlineData("CD", "Kongo, Demokratische Republik", "Congo, The Democratic Republic of the")]
    [InlineData("PS", "Palästinensische Gebiete", "Palestine, State of")]
    [InlineData("DE", "Deutschland", "Germany")]
    public void Names_are_the_short_names_in_each_language(string code, string german, string english)
    {
        List.Name(code, CultureInfo.GetCultureInfo("de-DE")).ShouldBe(german);
        List.Name(code.ToLowerInvariant(), CultureInfo.GetCultureInfo("en")).ShouldBe(english);
    }

    [Fact]
    public void Stateless_is_a_nationality_but_no_country()
    {
        List.IsNationality("XX").ShouldBeTrue();
        List.IsCountry("XX").ShouldBeFalse();
        List.IsCountry("SY").ShouldBeTrue();
        List.IsNationality("QQ").ShouldBeFalse();
        List.IsCountry(null).ShouldBeFalse();
    }

    [Fact]
    public void English_options_are_sorted_by_the_English_names()
    {
        var options = List.Options("– choose –", nationality: false, CultureInfo.GetCultureInfo("en")).Skip(1).Select(o => o.Text).ToList();

        options.IndexOf("Germany").ShouldBeLessThan(options.IndexOf("Syria"));
        options.IndexOf("Egypt").ShouldBeLessThan(options.IndexOf("Germany"));
        options.ShouldNotContain("Ägypten");
    }
}
