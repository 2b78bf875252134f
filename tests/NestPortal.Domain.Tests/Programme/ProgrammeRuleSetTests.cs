using NestPortal.Domain.Common;
using NestPortal.Domain.Programme;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Programme;

public class ProgrammeRuleSetTests
{
    [Theory]
    [InlineData("2019-05-05", null)] // the day before NesT started
    [InlineData("2019-05-06", SeededRuleSets.PilotCode)] // first day of the pilot
    [InlineData("2020-12-31", SeededRuleSets.PilotCode)]
    [InlineData("2022-06-30", SeededRuleSets.PilotCode)] // last day of the pilot
    [InlineData("2022-07-01", SeededRuleSets.PermanentCode)] // changed rules from July 2022
    [InlineData("2025-12-31", SeededRuleSets.PermanentCode)]
    [InlineData("2030-01-01", SeededRuleSets.PermanentCode)] // open-ended until an administrator closes it
    public void The_rule_set_in_force_depends_on_the_date(string date, string? expectedCode)
    {
        var inForce = ProgrammeRuleSet.InForceOn(SeededRuleSets.All(), Day(date));

        (inForce?.Code).ShouldBe(expectedCode);
    }

    [Fact]
    public void No_rule_set_is_in_force_when_there_are_none()
    {
        ProgrammeRuleSet.InForceOn([], Day("2022-07-01")).ShouldBeNull();
    }

    [Fact]
    public void A_successor_added_by_an_administrator_takes_over_from_its_first_day()
    {
        var successor = new ProgrammeRuleSet("NEST-2026", "NesT Nachfolgeprogramm", Day("2026-01-01"), null,
            minimumMembers: 3, requiredMainContacts: 1, legalPersonsAllowed: true, rentMonths: 6,
            rentMonthsWithOwnedFlat: 0, supportMonths: 12, trainingRequirement: "Onlineschulung");
        var ruleSets = SeededRuleSets.All().Append(successor).ToList();

        ProgrammeRuleSet.InForceOn(ruleSets, Day("2025-12-31"))!.Code.ShouldBe(SeededRuleSets.PermanentCode);
        ProgrammeRuleSet.InForceOn(ruleSets, Day("2026-01-01"))!.Code.ShouldBe("NEST-2026");
    }

    [Theory]
    [InlineData("2019-05-05", false)]
    [InlineData("2019-05-06", true)]
    [InlineData("2022-06-30", true)]
    [InlineData("2022-07-01", false)]
    public void The_pilot_covers_its_first_and_last_day(string date, bool covered)
    {
        SeededRuleSets.Pilot().Covers(Day(date)).ShouldBe(covered);
    }

    [Fact]
    public void The_pilot_has_the_published_rules()
    {
        var pilot = SeededRuleSets.Pilot();

        pilot.Name.ShouldBe("NesT Pilotphase");
        pilot.MinimumMembers.ShouldBe(5);
        pilot.RequiredMainContacts.ShouldBe(2);
        pilot.LegalPersonsAllowed.ShouldBeFalse();
        pilot.RentMonths.ShouldBe(24);
        pilot.SupportMonths.ShouldBe(12);
        pilot.ValidFrom.ShouldBe(Day("2019-05-06"));
        pilot.ValidUntil.ShouldBe(Day("2022-06-30"));
    }

    [Fact]
    public void The_permanent_programme_has_the_published_rules()
    {
        var permanent = SeededRuleSets.Permanent();

        permanent.Name.ShouldBe("NesT Regelprogramm");
        permanent.MinimumMembers.ShouldBe(4);
        permanent.RequiredMainContacts.ShouldBe(2);
        permanent.LegalPersonsAllowed.ShouldBeTrue();
        permanent.RentMonths.ShouldBe(12);
        permanent.RentMonthsWithOwnedFlat.ShouldBe(0);
        permanent.SupportMonths.ShouldBe(12);
        permanent.ValidFrom.ShouldBe(Day("2022-07-01"));
        permanent.ValidUntil.ShouldBeNull();
    }

    [Fact]
    public void A_rule_set_may_last_a_single_day()
    {
        var oneDay = Create(validFrom: "2024-01-01", validUntil: "2024-01-01");

        oneDay.Covers(Day("2024-01-01")).ShouldBeTrue();
        oneDay.Covers(Day("2024-01-02")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("", "2024-01-01", null, 4, 2, 12, 0, 12, "Kürzel")]
    [InlineData("   ", "2024-01-01", null, 4, 2, 12, 0, 12, "Kürzel")]
    [InlineData("X", "2024-01-01", "2023-12-31", 4, 2, 12, 0, 12, "Das Ende der Geltung (31.12.2023) liegt vor ihrem Beginn (01.01.2024).")]
    [InlineData("X", "2024-01-01", null, 0, 1, 12, 0, 12, "zwischen 1 und 100")]
    [InlineData("X", "2024-01-01", null, 4, 0, 12, 0, 12, "Hauptansprechpersonen")]
    [InlineData("X", "2024-01-01", null, 4, 5, 12, 0, 12, "Hauptansprechpersonen")]
    [InlineData("X", "2024-01-01", null, 4, 2, -1, 0, 12, "zwischen 0 und 120")]
    [InlineData("X", "2024-01-01", null, 4, 2, 12, -1, 12, "zwischen 0 und 120")]
    [InlineData("X", "2024-01-01", null, 4, 2, 12, 0, -1, "zwischen 0 und 120")]
    public void Invalid_rules_are_refused(string code, string validFrom, string? validUntil, int minimumMembers,
        int requiredMainContacts, int rentMonths, int rentMonthsWithOwnedFlat, int supportMonths, string expectedMessage)
    {
        var exception = Should.Throw<DomainException>(() => Create(code, validFrom, validUntil, minimumMembers,
            requiredMainContacts, rentMonths, rentMonthsWithOwnedFlat, supportMonths));

        exception.Message.ShouldContain(expectedMessage);
    }

    [Fact]
    public void As_many_main_contacts_as_minimum_members_is_allowed()
    {
        var ruleSet = Create(minimumMembers: 2, requiredMainContacts: 2);

        ruleSet.RequiredMainContacts.ShouldBe(2);
    }

    private static ProgrammeRuleSet Create(string code = "TEST", string validFrom = "2024-01-01", string? validUntil = null,
        int minimumMembers = 4, int requiredMainContacts = 2, int rentMonths = 12, int rentMonthsWithOwnedFlat = 0,
        int supportMonths = 12) =>
        new(code, "Testregeln", Day(validFrom), validUntil is null ? null : Day(validUntil), minimumMembers,
            requiredMainContacts, legalPersonsAllowed: true, rentMonths, rentMonthsWithOwnedFlat, supportMonths,
            "Schulung");
}
