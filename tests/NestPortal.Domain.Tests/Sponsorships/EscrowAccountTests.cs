using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Domain.Tests.Sponsorships;

public class EscrowAccountTests
{
    [Fact]
    public void An_account_keeps_holder_bank_and_the_compact_iban()
    {
        var account = EscrowAccount.Create(" Willkommensteam GbR ", "de89 3704 0044 0532 0130 00", " Commerzbank Köln ");

        account.AccountHolder.ShouldBe("Willkommensteam GbR");
        account.BankName.ShouldBe("Commerzbank Köln");
        account.Iban.Value.ShouldBe("DE89370400440532013000");
        account.Iban.Formatted.ShouldBe("DE89 3704 0044 0532 0130 00");
    }

    [Fact]
    public void An_iban_with_a_wrong_check_digit_is_refused()
    {
        Should.Throw<DomainException>(() => EscrowAccount.Create("Gruppe", "DE88370400440532013000", "Sparkasse"))
            .Message.ShouldBe("Die IBAN „DE88370400440532013000“ ist ungültig; bitte prüfen Sie sie (Prüfziffer).");
    }

    [Fact]
    public void Every_missing_field_is_named_at_once()
    {
        Should.Throw<DomainException>(() => EscrowAccount.Create(" ", null!, ""))
            .Errors.Select(e => e.Format()).ShouldBe(
            [
                "Bitte geben Sie die kontoführende Person oder Stelle an (höchstens 200 Zeichen).",
                "Die IBAN „“ ist ungültig; bitte prüfen Sie sie (Prüfziffer).",
                "Bitte geben Sie die Bank an (höchstens 200 Zeichen).",
            ]);
    }

    [Fact]
    public void Holder_and_bank_have_a_maximum_length()
    {
        Should.Throw<DomainException>(() => EscrowAccount.Create(new string('h', 201), "DE89370400440532013000", new string('b', 201)))
            .Errors.Count.ShouldBe(2);
    }
}
