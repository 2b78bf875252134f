using NestPortal.Domain.Common;
using NestPortal.Domain.Municipalities;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Municipalities;

public class SafeHarbourTests
{
    private static readonly DateOnly Today = Day("2023-06-30");

    private static Municipality Koeln() =>
        new(Ags.Parse("05315000"), "Köln", "Kreisfreie Stadt", "Köln", "Köln", "50667", 1_084_831);

    [Fact]
    public void A_new_municipality_has_no_decision()
    {
        var koeln = Koeln();

        koeln.SafeHarbourDeclaredOn.ShouldBeNull();
        koeln.IsSafeHarbourOn(Today).ShouldBeFalse();
    }

    [Fact]
    public void A_recorded_decision_counts_from_its_day_on()
    {
        var koeln = Koeln();

        koeln.RecordSafeHarbourDecision(Day("2018-09-06"), Today);

        koeln.SafeHarbourDeclaredOn.ShouldBe(Day("2018-09-06"));
        koeln.IsSafeHarbourOn(Day("2018-09-05")).ShouldBeFalse();
        koeln.IsSafeHarbourOn(Day("2018-09-06")).ShouldBeTrue();
        koeln.IsSafeHarbourOn(Today).ShouldBeTrue();
    }

    [Fact]
    public void A_decision_today_is_fine_one_tomorrow_is_refused_and_the_old_one_stays()
    {
        var koeln = Koeln();
        koeln.RecordSafeHarbourDecision(Today, Today);
        koeln.SafeHarbourDeclaredOn.ShouldBe(Today);

        var error = Should.Throw<DomainException>(() => koeln.RecordSafeHarbourDecision(Today.AddDays(1), Today)).Errors.Single();

        error.Template.ShouldStartWith("Der Ratsbeschluss ({0:dd.MM.yyyy}) liegt in der Zukunft");
        error.Format().ShouldContain("01.07.2023");
        koeln.SafeHarbourDeclaredOn.ShouldBe(Today);
    }

    [Fact]
    public void A_decision_before_2018_is_refused_the_first_of_january_2018_is_fine()
    {
        var koeln = Koeln();

        Should.Throw<DomainException>(() => koeln.RecordSafeHarbourDecision(Day("2017-12-31"), Today)).Errors.Single().Template
            .ShouldBe("Der Ratsbeschluss ({0:dd.MM.yyyy}) liegt vor 2018; Sichere Häfen gibt es erst seit 2018.");
        koeln.SafeHarbourDeclaredOn.ShouldBeNull();

        koeln.RecordSafeHarbourDecision(Municipality.SafeHarbourMovementStart, Today);
        koeln.SafeHarbourDeclaredOn.ShouldBe(Day("2018-01-01"));
    }

    [Fact]
    public void Null_withdraws_the_decision()
    {
        var koeln = Koeln();
        koeln.RecordSafeHarbourDecision(Day("2018-09-06"), Today);

        koeln.RecordSafeHarbourDecision(null, Today);

        koeln.SafeHarbourDeclaredOn.ShouldBeNull();
        koeln.IsSafeHarbourOn(Today).ShouldBeFalse();
    }

    [Fact]
    public void Updating_from_the_register_keeps_the_decision()
    {
        var koeln = Koeln();
        koeln.RecordSafeHarbourDecision(Day("2018-09-06"), Today);

        koeln.UpdateFromRegister("Köln", "Kreisfreie Stadt", "Köln", "Köln", "50667", 1_090_000).ShouldBeTrue();

        koeln.SafeHarbourDeclaredOn.ShouldBe(Day("2018-09-06"));
    }
}
