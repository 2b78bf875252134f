using NestPortal.Domain.Common;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Domain.Tests.Municipalities;

public class AgsTests
{
    [Theory]
    [InlineData("05111000")] // Düsseldorf
    [InlineData("05315000")] // Köln
    [InlineData("05911000")] // Bochum
    [InlineData("05958044")] // Sundern (Sauerland), Hochsauerlandkreis
    public void A_valid_NRW_key_is_accepted_and_keeps_its_leading_zero(string text)
    {
        Ags.TryParse(text, out var ags).ShouldBeTrue();

        ags.Value.ShouldBe(text);
        ags.ToString().ShouldBe(text);
        Ags.Parse(text).ShouldBe(ags);
    }

    [Theory]
    [InlineData(" 05111000")]
    [InlineData("05111000 ")]
    [InlineData("\t05111000\r\n")]
    public void Surrounding_whitespace_is_trimmed(string text)
    {
        Ags.TryParse(text, out var ags).ShouldBeTrue();

        ags.Value.ShouldBe("05111000");
        Ags.Parse(text).ShouldBe(Ags.Parse("05111000"));
    }

    [Theory]
    [InlineData("0511100")] // 7 digits
    [InlineData("051110000")] // 9 digits
    [InlineData("5111000")] // leading zero lost, e.g. by a spreadsheet
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_key_of_the_wrong_length_is_refused(string? text)
    {
        Ags.TryParse(text, out var ags).ShouldBeFalse();
        ags.ShouldBe(default);
    }

    [Theory]
    [InlineData("0511100A")]
    [InlineData("05-11100")]
    [InlineData("05 11100")]
    [InlineData("05111.00")]
    [InlineData("٠٥١١١٠٠٠")] // Arabic-Indic digits: digits, but not the ones a key is written with
    [InlineData("０５１１１０００")] // full-width digits
    public void A_key_with_anything_but_ASCII_digits_is_refused(string text)
    {
        Ags.TryParse(text, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("09162000")] // München, Bayern
    [InlineData("11000000")] // Berlin
    [InlineData("03241001")] // Hannover, Niedersachsen
    [InlineData("50111000")] // NRW's code in the wrong place
    public void A_key_of_another_state_is_refused(string text)
    {
        Ags.TryParse(text, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("09162000")]
    [InlineData("0511100")]
    [InlineData("abcdefgh")]
    public void Parse_throws_a_domain_exception_that_quotes_the_input_and_explains_the_format(string text)
    {
        var exception = Should.Throw<DomainException>(() => Ags.Parse(text));

        var error = exception.Errors.ShouldHaveSingleItem();
        error.Format().ShouldBe($"„{text}“ ist kein Gemeindeschlüssel in Nordrhein-Westfalen (8 Ziffern, beginnend mit 05).");
        exception.Message.ShouldContain(text);
    }

    [Fact]
    public void Parse_of_nothing_throws_a_domain_exception()
    {
        var exception = Should.Throw<DomainException>(() => Ags.Parse(null));

        exception.Message.ShouldContain("kein Gemeindeschlüssel in Nordrhein-Westfalen");
    }

    [Fact]
    public void Keys_with_the_same_digits_are_equal()
    {
        (Ags.Parse("05111000") == Ags.Parse(" 05111000 ")).ShouldBeTrue();
        (Ags.Parse("05111000") == Ags.Parse("05315000")).ShouldBeFalse();
    }
}
