using NestPortal.Domain.Common;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Sponsorships;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Sponsorships;

public class ApartmentTests
{
    private static readonly DateOnly Today = Day("2024-06-14");
    private static readonly Ags Dortmund = Ags.Parse("05913000");

    private static Apartment Create(string street = "Hörder Bahnhofstraße 12", string postalCode = "44263", string city = "Dortmund",
        decimal livingSpace = 68.5m, decimal rooms = 3, decimal rent = 650.00m, string leaseStart = "2024-08-01", bool owned = false) =>
        Apartment.Create(street, postalCode, city, Dortmund, livingSpace, rooms, rent, Day(leaseStart), owned, Today);

    private static string[] Refused(Func<Apartment> create) =>
        Should.Throw<DomainException>(create).Errors.Select(e => e.Format()).ToArray();

    [Fact]
    public void A_flat_is_created_trimmed_with_its_address()
    {
        var flat = Create(street: " Hörder Bahnhofstraße 12 ", postalCode: " 44263 ", city: " Dortmund ", rent: 612.35m, rooms: 2.5m);

        flat.Street.ShouldBe("Hörder Bahnhofstraße 12");
        flat.PostalCode.ShouldBe("44263");
        flat.City.ShouldBe("Dortmund");
        flat.Address.ShouldBe("Hörder Bahnhofstraße 12, 44263 Dortmund");
        flat.MunicipalityAgs.ShouldBe(Dortmund);
        flat.MonthlyNetColdRent.ShouldBe(612.35m);
        flat.Rooms.ShouldBe(2.5m);
        flat.LivingSpaceSquareMetres.ShouldBe(68.5m);
        flat.LeaseStart.ShouldBe(Day("2024-08-01"));
        flat.OwnedByGroup.ShouldBeFalse();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-450")]
    public void A_rent_of_zero_or_less_is_refused(string rent)
    {
        Refused(() => Create(rent: decimal.Parse(rent, System.Globalization.CultureInfo.InvariantCulture)))
            .ShouldBe(["Die monatliche Nettokaltmiete muss größer als 0 € sein."]);
    }

    [Fact]
    public void A_rent_with_more_than_two_decimals_is_refused()
    {
        Refused(() => Create(rent: 650.005m)).ShouldBe(["Die monatliche Nettokaltmiete darf höchstens zwei Nachkommastellen (Cent) haben."]);
        Create(rent: 0.01m).MonthlyNetColdRent.ShouldBe(0.01m);
    }

    [Fact]
    public void A_flat_the_group_owns_has_no_rent()
    {
        Create(rent: 0, owned: true).OwnedByGroup.ShouldBeTrue();
        Refused(() => Create(rent: 300, owned: true))
            .ShouldBe(["Für eine Wohnung im Eigentum der Gruppe wird keine Miete gezahlt; die Nettokaltmiete ist 0 €."]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-10")]
    [InlineData("1000.01")]
    public void A_living_space_outside_0_to_1000_square_metres_is_refused(string livingSpace)
    {
        Refused(() => Create(livingSpace: decimal.Parse(livingSpace, System.Globalization.CultureInfo.InvariantCulture)))
            .ShouldBe(["Die Wohnfläche muss größer als 0 m² sein (höchstens 1000 m²)."]);
    }

    [Fact]
    public void A_living_space_has_at_most_two_decimals()
    {
        Refused(() => Create(livingSpace: 68.555m)).ShouldBe(["Die Wohnfläche darf höchstens zwei Nachkommastellen haben."]);
        Create(livingSpace: 1000m).LivingSpaceSquareMetres.ShouldBe(1000m);
    }

    [Theory]
    [InlineData("0.5", true)]
    [InlineData("2.5", true)]
    [InlineData("50", true)]
    [InlineData("0", false)]
    [InlineData("-1", false)]
    [InlineData("2.3", false)]
    [InlineData("2.75", false)]
    [InlineData("50.5", false)]
    public void Rooms_are_counted_in_halves(string rooms, bool accepted)
    {
        var value = decimal.Parse(rooms, System.Globalization.CultureInfo.InvariantCulture);
        if (accepted) Create(rooms: value).Rooms.ShouldBe(value);
        else Refused(() => Create(rooms: value)).ShouldBe(["Die Zimmerzahl muss größer als 0 sein, in halben Zimmern (z. B. 2,5)."]);
    }

    [Theory]
    [InlineData("4426")]
    [InlineData("442630")]
    [InlineData("44a63")]
    [InlineData("")]
    [InlineData("44 63")]
    public void A_postcode_has_five_digits(string postalCode)
    {
        Refused(() => Create(postalCode: postalCode)).ShouldBe(["Die Postleitzahl muss aus fünf Ziffern bestehen."]);
    }

    [Fact]
    public void A_postcode_may_start_with_zero()
    {
        Create(postalCode: "01067").PostalCode.ShouldBe("01067");
    }

    [Fact]
    public void Street_and_city_are_required_and_limited()
    {
        Refused(() => Create(street: " ", city: "")).ShouldBe(
        [
            "Bitte geben Sie Straße und Hausnummer an (höchstens 200 Zeichen).",
            "Bitte geben Sie den Ort an (höchstens 100 Zeichen).",
        ]);
        Refused(() => Create(street: new string('s', 201), city: new string('c', 101))).Length.ShouldBe(2);
    }

    [Theory]
    [InlineData("2014-06-13", false)]
    [InlineData("2014-06-14", true)]
    [InlineData("2026-06-14", true)]
    [InlineData("2026-06-15", false)]
    public void The_lease_start_must_be_plausible(string leaseStart, bool accepted)
    {
        if (accepted) Create(leaseStart: leaseStart).LeaseStart.ShouldBe(Day(leaseStart));
        else Refused(() => Create(leaseStart: leaseStart)).Single().ShouldEndWith("ist nicht plausibel.");
    }

    [Fact]
    public void Every_broken_rule_of_a_flat_is_named_at_once()
    {
        Refused(() => Create(street: "", postalCode: "1", city: "", livingSpace: 0, rooms: 0, rent: 0, leaseStart: "2000-01-01")).Length.ShouldBe(7);
    }
}
