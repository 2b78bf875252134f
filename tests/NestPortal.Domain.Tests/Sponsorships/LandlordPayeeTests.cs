using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;
using NestPortal.Domain.Tests.Builders;

namespace NestPortal.Domain.Tests.Sponsorships;

/// <summary>The landlord as payee: a checked IBAN, a name and a reference; the trustee is optional.</summary>
public class LandlordPayeeTests
{
    public const string LandlordIban = "DE02120300000000202051";

    [Fact]
    public void A_payee_with_a_valid_iban_is_recorded_with_the_trustee()
    {
        var sponsorship = EscrowLedgerTests.Pilot();

        sponsorship.SetPayee(LandlordPayee.Create(" Wohnbau Dortmund eG ", "DE02 1203 0000 0000 2020 51", "Mieter Nr. 4711"), " Caritas Dortmund ");

        sponsorship.Landlord!.Iban.Value.ShouldBe(LandlordIban);
        sponsorship.Landlord.Name.ShouldBe("Wohnbau Dortmund eG");
        sponsorship.TrusteeName.ShouldBe("Caritas Dortmund");
        sponsorship.PaidByTrustee.ShouldBeTrue();
    }

    [Fact]
    public void A_mistyped_iban_is_refused_in_german()
    {
        var error = Should.Throw<DomainException>(() => LandlordPayee.Create("Wohnbau", "DE02120300000000202052", "Miete"));

        error.Message.ShouldContain("IBAN");
        error.Message.ShouldContain("Prüfziffer");
    }

    [Fact]
    public void The_rent_account_cannot_be_its_own_payee()
    {
        var sponsorship = EscrowLedgerTests.Pilot();

        Should.Throw<DomainException>(() => sponsorship.SetPayee(LandlordPayee.Create("Selbst", MatchBuilder.ValidIban, "Miete"), null))
            .Message.ShouldContain("Mietkontos selbst");
    }
}
