using Bogus;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.RentRuns;
using NestPortal.Development.SampleData;

namespace NestPortal.Development.DemoData;

/// <summary>
/// Seeds <see cref="DemoHistoryStories"/> through the aggregates' own commands on the days they happened:
/// each group submitted under the rule set in force then, matched with its running sponsorships counted on
/// that day, funded a week later, settled on the first of every month as the rent run would have (so
/// payments, refunds and completions carry their historical dates). Runs once, with its own random seed,
/// so the present-day demo set stays as it was.
/// </summary>
public static class DemoHistory
{
    public const string Setting = "Demo:History";
    private const int Seed = 2019;
    private const string NewRulesReason = "Umstellung laufender Mentoring-Übernahmen auf die Regeln ab 1. Juli 2022.";
    private static readonly DateOnly RuleChange = new(2022, 7, 1);

    /// <returns>Whether it seeded (false when the history is there already).</returns>
    public static async Task<bool> SeedAsync(NestPortalDbContext db, TimeProvider time)
    {
        if (await db.Households.AnyAsync(h => h.Reference.StartsWith(DemoHistoryStories.ReferencePrefix))) return false;
        var today = time.TodayInGermany();
        var staffAccount = DemoUsers.All[1];
        var staffUser = await db.Users.Where(u => u.Email == staffAccount.Email).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync();
        var staff = staffUser is null ? new Actor("demo-kfi", staffAccount.DisplayName) : new Actor(staffUser.Id, staffUser.DisplayName);
        var ruleSets = await db.RuleSets.ToListAsync();
        var municipalities = await db.Municipalities.ToDictionaryAsync(m => m.Ags.Value);
        var faker = new Faker("de") { Random = new Randomizer(Seed) };
        var stories = DemoHistoryStories.All.Where(s => s.Arrived <= today).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync();
        var groups = new Dictionary<string, MentoringGroup>();
        var households = new List<Household>();
        for (var i = 0; i < stories.Count; i++)
        {
            var story = stories[i];
            if (!groups.ContainsKey(story.Group))
            {
                var submittedOn = MatchedOn(story).AddDays(-90);
                var rules = RulesOn(ruleSets, submittedOn);
                var owner = new Actor($"demo-history-mentor-{i + 1}", faker.Name.FullName());
                var group = new SampleGroups(faker, rules, staff).Submitted(story.Group, Domain.Municipalities.Ags.Parse(story.Home), owner,
                    submittedOn, faker.Random.Int(rules.MinimumMembers, 7), $"hist{i + 1}");
                var checkedOn = submittedOn.AddDays(faker.Random.Int(20, 40));
                group.RecordSecurityCheck(checkedOn, SecurityCheckResult.Passed, today, staff, SampleGroups.Noon(checkedOn));
                group.Approve(staff, SampleGroups.Noon(checkedOn.AddDays(3)));
                groups[story.Group] = group;
                db.MentoringGroups.Add(group);
            }

            var admitted = MatchedOn(story).AddDays(-45);
            var plan = new FamilyPlan(Origin.ByNationality(story.Nationality), story.Size, admitted, story.Arrived.AddDays(-14), story.Arrived, $"BAMF-NesT-H{i + 1:000}");
            var household = Household.Record($"{DemoHistoryStories.ReferencePrefix}{story.Arrived.Year}-{i + 1:00}", story.Arrived, null, today, SampleGroups.Noon(admitted));
            foreach (var person in RefugeeFamilies.Persons(faker, plan)) household.AddPerson(person, today);
            db.Households.Add(household);
            households.Add(household);
        }

        await db.SaveChangesAsync();

        var sponsorships = new List<(Sponsorship Sponsorship, Household Household, DemoHistoryStory Story)>();
        for (var i = 0; i < stories.Count; i++)
        {
            var (story, household, group) = (stories[i], households[i], groups[stories[i].Group]);
            var matchedOn = MatchedOn(story);
            var municipality = municipalities[story.Home];
            // A second family is matched under the rules in force on its day; staff name why they differ from the submission's.
            var rules = RulesOn(ruleSets, matchedOn);
            var reason = rules.Id == group.RuleSetId ? null : "Vermittlung nach dem 1. Juli 2022: es gelten die Regeln des Regelprogramms.";
            var running = sponsorships.Count(s => s.Sponsorship.GroupId == group.Id
                && s.Sponsorship.IsRunningOn(matchedOn, s.Household.SupportEndsOn(s.Sponsorship.SupportMonths)));
            var flat = SampleFlats.Flat(faker, municipality, story.Size, Months.FirstOf(story.Arrived), matchedOn);
            var sponsorship = Sponsorship.Match(group, household, rules, reason, flat, SampleFlats.Escrow(faker, group.Name, municipality),
                running, programmeEnd: null, matchedOn, staff, SampleGroups.Noon(matchedOn));
            var decided = matchedOn.AddDays(10);
            household.Allocate(new AllocationDecision(municipality.Ags, decided, $"Az. 36.2-H{household.Id:00000}/1", AllocationDecision.DefaultLegalBasis, decided.AddDays(14)),
                false, today, staff, SampleGroups.Noon(decided));
            SampleEscrow.Fund(sponsorship, SampleFunding.Full, matchedOn, today, staff);
            db.Sponsorships.Add(sponsorship);
            sponsorships.Add((sponsorship, household, story));
            // Settled before the next match, so that match counts this sponsorship as it stood on its day.
            if (i + 1 < stories.Count) SettleMonthly(sponsorship, household, story, ruleSets, MatchedOn(stories[i + 1]));
        }

        await db.SaveChangesAsync();
        foreach (var (sponsorship, household, story) in sponsorships)
        {
            var current = household.CurrentAllocation!;
            household.AcknowledgeAllocation(current.Id, current.MunicipalityAgs, new Actor("demo-kommune-" + story.Home, "Sachbearbeitung Ausländerbehörde"),
                SampleGroups.Noon(current.DecisionDate.AddDays(4)));
            SettleMonthly(sponsorship, household, story, ruleSets, today);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>BAMF matched the family about two months before it came.</summary>
    private static DateOnly MatchedOn(DemoHistoryStory story) => story.Arrived.AddDays(-60);

    private static ProgrammeRuleSet RulesOn(IEnumerable<ProgrammeRuleSet> ruleSets, DateOnly day) =>
        ProgrammeRuleSet.InForceOn(ruleSets, day) ?? throw new InvalidOperationException($"No programme rule set is in force on {day}; the demo history needs one.");

    /// <summary>The rent run of every first of the month from the lease start up to <paramref name="until"/>, as it would have run then.</summary>
    private static void SettleMonthly(Sponsorship sponsorship, Household household, DemoHistoryStory story, IReadOnlyCollection<ProgrammeRuleSet> ruleSets, DateOnly until)
    {
        for (var day = sponsorship.Apartment.LeaseStart; day <= until && sponsorship.Status == SponsorshipStatus.Running; day = day.AddMonths(1))
        {
            if (story.MovedToNewRules && day == RuleChange && sponsorship.RuleSetId != RulesOn(ruleSets, day).Id)
                sponsorship.SwitchRuleSet(RulesOn(ruleSets, day), NewRulesReason);
            sponsorship.Settle(day, household.SupportEndsOn(sponsorship.SupportMonths), RentRunner.Actor, SampleGroups.Noon(day));
        }
    }
}
