using NestPortal.Domain.Common;
using NestPortal.Domain.Programme;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Programme;

/// <summary>How many sponsorships a group may carry at once is a number of the rule set (default 1).</summary>
public class ConcurrentSponsorshipsRuleTests
{
    private static ProgrammeRuleSet Create(int? maxConcurrent = null) => maxConcurrent is { } max
        ? new ProgrammeRuleSet("NEXT", "Nachfolge", Day("2027-01-01"), null, 4, 2, true, 12, 0, 12, "Basisschulung", max)
        : new ProgrammeRuleSet("NEXT", "Nachfolge", Day("2027-01-01"), null, 4, 2, true, 12, 0, 12, "Basisschulung");

    [Fact]
    public void A_rule_set_allows_one_sponsorship_at_a_time_unless_it_says_otherwise()
    {
        Create().MaxConcurrentSponsorships.ShouldBe(1);
        SeededRuleSets.Pilot().MaxConcurrentSponsorships.ShouldBe(1);
        SeededRuleSets.Permanent().MaxConcurrentSponsorships.ShouldBe(1);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void A_rule_set_may_allow_several_sponsorships_at_once(int max)
    {
        Create(max).MaxConcurrentSponsorships.ShouldBe(max);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-1)]
    public void A_number_outside_one_to_ten_is_refused(int max)
    {
        Should.Throw<DomainException>(() => Create(max)).Message
            .ShouldBe("Die Zahl der Mentoring-Übernahmen, die eine Gruppe zugleich begleiten darf, muss zwischen 1 und 10 liegen.");
    }

    [Fact]
    public void An_unused_rule_set_is_revised_to_allow_two_and_back_to_the_default()
    {
        var ruleSet = Create();

        ruleSet.Revise(false, "Nachfolge", Day("2027-01-01"), null, 4, 2, true, 12, 0, 12, "Basisschulung", maxConcurrentSponsorships: 2);
        ruleSet.MaxConcurrentSponsorships.ShouldBe(2);

        ruleSet.Revise(false, "Nachfolge", Day("2027-01-01"), null, 4, 2, true, 12, 0, 12, "Basisschulung");
        ruleSet.MaxConcurrentSponsorships.ShouldBe(1, "a revision that does not name the number sets the default");
    }

    [Fact]
    public void A_refused_revision_keeps_the_number()
    {
        var ruleSet = Create(3);

        Should.Throw<DomainException>(() =>
            ruleSet.Revise(false, "Nachfolge", Day("2027-01-01"), null, 4, 2, true, 12, 0, 12, "Basisschulung", maxConcurrentSponsorships: 11));

        ruleSet.MaxConcurrentSponsorships.ShouldBe(3);
    }
}
