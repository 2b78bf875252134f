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

    private static readonly CountryListLabels Labels = new("– bitte wählen –", "Häufig", "Staatenlos oder ungeklärt", "Alle Länder");

    [Fact]
    public void English_options_are_sorted_by_the_English_names()
    {
        var options = List.Options(Labels, nationality: false, [], CultureInfo.GetCultureInfo("en")).Skip(1).Select(o => o.Text).ToList();

        options.IndexOf("Germany").ShouldBeLessThan(options.IndexOf("Syria"));
        options.IndexOf("Egypt").ShouldBeLessThan(options.IndexOf("Germany"));
        options.ShouldNotContain("Ägypten");
    }

    [Fact]
    public void The_common_countries_come_first_in_their_own_group_then_every_country_in_order()
    {
        var options = List.Options(Labels, nationality: false, ["SY", "lb", "XX", "QQ", "LB"], CultureInfo.GetCultureInfo("de-DE"));

        options[0].Text.ShouldBe("– bitte wählen –");
        options[0].Group.ShouldBeNull();
        var common = options.Where(o => o.Group?.Name == "Häufig").Select(o => o.Text).ToList();
        common.ShouldBe(["Syrien", "Libanon"], "in the given order, each once; stateless is no country, QQ no code");
        var all = options.Where(o => o.Group?.Name == "Alle Länder").Select(o => o.Text).ToList();
        all.Count.ShouldBe(249, "the full list stays complete");
        all.ShouldBe(all.Order(StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), ignoreCase: true)));
        options.ToList().FindIndex(o => o.Group?.Name == "Alle Länder").ShouldBe(3, "after the placeholder and the two common ones");
    }

    [Fact]
    public void A_nationality_list_offers_stateless_and_unresolved_in_a_group_of_their_own()
    {
        var options = List.Options(Labels, nationality: true, ["XX", "SY"], CultureInfo.GetCultureInfo("de-DE"));

        options.Where(o => o.Group?.Name == "Häufig").Select(o => o.Value).ShouldBe(["XX", "SY"]);
        options.Where(o => o.Group?.Name == "Staatenlos oder ungeklärt").Select(o => o.Text).ShouldBe(["staatenlos", "ungeklärt"]);
        options.Count(o => o.Group?.Name == "Alle Länder").ShouldBe(249);
    }

    [Fact]
    public void The_common_list_is_the_recorded_countries_by_frequency_topped_up_with_the_typical_ones()
    {
        CommonCountries.Merge(["ER", "SY"], ["SY", "AF", "iq", "QQ", "YE"], List.IsCountry, 4).ShouldBe(["ER", "SY", "AF", "IQ"]);
        CommonCountries.Merge([], CommonCountriesOptions.TypicalNationalities, List.IsNationality, 10)
            .ShouldBe(["SY", "ER", "SD", "SS", "SO", "ET", "AF", "IQ", "YE", "CD"], "an empty portal falls back on the typical ones");
        CommonCountries.Merge(["SY"], ["AF"], List.IsCountry, 0).ShouldBeEmpty();
    }

    [Fact]
    public void The_typical_countries_are_all_in_the_list()
    {
        CommonCountriesOptions.TypicalNationalities.ShouldAllBe(c => List.IsCountry(c));
        CommonCountriesOptions.TypicalFirstRefugeCountries.ShouldAllBe(c => List.IsCountry(c));
    }

    [Theory]
    [InlineData("SY", "SY")]
    [InlineData("sy", "SY")]
    [InlineData("SYR", "SY")]
    [InlineData("Syrien", "SY")]
    [InlineData("SYRIEN", "SY")]
    [InlineData("syria", "SY")]
    [InlineData(" Syria ", "SY")]
    [InlineData("AFG", "AF")]
    [InlineData("Eritrea", "ER")]
    [InlineData("Südsudan", "SS")]
    [InlineData("Suedsudan", "SS")]
    [InlineData("South Sudan", "SS")]
    [InlineData("Irak", "IQ")]
    [InlineData("Iraq", "IQ")]
    [InlineData("Türkei", "TR")]
    [InlineData("Libanon", "LB")]
    [InlineData("LBN", "LB")]
    [InlineData("Kongo, Demokratische Republik", "CD")]
    [InlineData("Demokratische Republik Kongo", "CD")]
    [InlineData("The Democratic Republic of the Congo", "CD")]
    [InlineData("COD", "CD")]
    public void A_country_is_found_by_code_alpha_3_code_or_German_or_English_name_in_any_case(string text, string code)
    {
        List.Resolve(text, nationality: false).ShouldNotBeNull(text).Code.ShouldBe(code);
        List.Resolve(text, nationality: true).ShouldNotBeNull(text).Code.ShouldBe(code);
    }

    [Theory]
    [InlineData("staatenlos", "XX")]
    [InlineData("Stateless", "XX")]
    [InlineData("ungeklärt", "ZZ")]
    [InlineData("XX", "XX")]
    public void Stateless_and_unresolved_are_found_as_nationalities_only(string text, string code)
    {
        List.Resolve(text, nationality: true).ShouldNotBeNull().Code.ShouldBe(code);
        List.Resolve(text, nationality: false).ShouldBeNull();
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("QQ")]
    [InlineData("QQQ")]
    [InlineData("Syri")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Anything_else_is_no_country(string? text) => List.Resolve(text, nationality: true).ShouldBeNull();

    [Fact]
    public void Every_country_of_the_list_is_found_by_each_of_its_names_and_codes()
    {
        foreach (var country in List.All)
        {
            List.Resolve(country.Code, nationality: false).ShouldBe(country);
            List.Resolve(country.German, nationality: false).ShouldBe(country, country.German);
            List.Resolve(country.English.ToUpperInvariant(), nationality: false).ShouldBe(country, country.English);
        }
    }
}
