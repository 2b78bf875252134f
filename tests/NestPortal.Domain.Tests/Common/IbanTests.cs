using NestPortal.Domain.Common;

namespace NestPortal.Domain.Tests.Common;

public class IbanTests
{
    [Theory]
    [InlineData("DE89370400440532013000")]
    [InlineData("DE02120300000000202051")]
    [InlineData("DE02500105170137075030")]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("de89370400440532013000")]
    [InlineData("  de89 3704 0044 0532 0130 00  ")]
    public void A_valid_german_iban_is_accepted_with_spaces_and_in_lower_case(string text)
    {
        Iban.TryParse(text, out var iban).ShouldBeTrue();
        iban.Value.ShouldBe(text.Replace(" ", "").ToUpperInvariant());
        iban.ToString().ShouldBe(iban.Value);
    }

    [Theory]
    [InlineData("DE88370400440532013000")] // wrong check digits
    [InlineData("DE89370400440532013001")] // one digit mistyped
    [InlineData("DE89370400440523013000")] // two digits swapped
    public void A_wrong_check_digit_is_caught(string text)
    {
        Iban.TryParse(text, out var iban).ShouldBeFalse();
        iban.ShouldBe(default);
    }

    [Fact]
    public void A_foreign_iban_is_checked_by_its_check_digits()
    {
        Iban.Parse("GB82WEST12345698765432").Value.ShouldBe("GB82WEST12345698765432");
        Iban.Parse("gb82 west 1234 5698 7654 32").Formatted.ShouldBe("GB82 WEST 1234 5698 7654 32");
        Iban.TryParse("GB82WEST12345698765433", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("DE8937040044")] // too short
    [InlineData("DE893704004405320130001")] // a German IBAN has 22 characters
    [InlineData("DE8937040044053201300")]
    [InlineData("8937040044053201300000")] // no country code
    [InlineData("DEXX370400440532013000")] // no check digits
    [InlineData("DE89-3704-0044-0532-0130-00")] // separators other than spaces
    [InlineData("DE89370400440532013000123456789012345")] // longer than 34
    public void Malformed_text_is_no_iban(string? text)
    {
        Iban.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void Parse_names_the_rejected_text()
    {
        Should.Throw<DomainException>(() => Iban.Parse("DE00 1234"))
            .Message.ShouldBe("Die IBAN „DE00 1234“ ist ungültig; bitte prüfen Sie sie (Prüfziffer).");
    }

    [Fact]
    public void The_default_value_formats_as_empty()
    {
        default(Iban).Formatted.ShouldBe(string.Empty);
    }
}
