using Bogus;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Data.Operations;
using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.RentRuns;
using NestPortal.Development.SampleData;

namespace NestPortal.Development.DemoData;

/// <summary>
/// Seeds the demo households of <see cref="DemoStories"/> with their groups, matches, allocations,
/// arrivals and departures, all through the aggregates' own commands and dated relative to today,
/// so every page of every demo role has something to show. Runs once: only while there are no
/// households. The rent accounts are funded and settled up to today. Names come from Bogus (German locale) with a fixed seed, so every start looks alike.
/// </summary>
public static class DemoHouseholds
{
    private const int Seed = 4711;

    /// <param name="lastActiveDay">The last day of submissions and matches: today, or the programme's end when
    /// the demo ends it (nothing new starts after it; arrivals and rent still go on).</param>
    public static async Task SeedAsync(NestPortalDbContext db, TimeProvider time, DateOnly? lastActiveDay = null)
    {
        if (await db.Households.AnyAsync()) return;
        var today = time.TodayInGermany();
        var active = lastActiveDay ?? today;
        var rules = ProgrammeRuleSet.InForceOn(await db.RuleSets.ToListAsync(), active)
                    ?? throw new InvalidOperationException("No programme rule set is in force today; the demo data needs one.");
        var municipalities = await db.Municipalities.ToDictionaryAsync(m => m.Ags.Value);
        var users = await db.Users.Where(u => u.Email!.EndsWith("@" + DemoAccounts.Domain)).ToDictionaryAsync(u => u.Email!);
        Actor Demo(int index) => users.TryGetValue(DemoUsers.All[index].Email, out var user)
            ? new Actor(user.Id, user.DisplayName)
            : new Actor("demo-" + index, DemoUsers.All[index].DisplayName);
        var staff = Demo(1);
        var faker = new Faker("de") { Random = new Randomizer(Seed) };
        var timeline = new SampleTimeline(faker, today, active);
        var groups = new SampleGroups(faker, rules, staff);
        var lifecycle = new SampleLifecycle(faker, rules, staff, today);

        await using var transaction = await db.Database.BeginTransactionAsync();
        var cases = new List<(SampleCase Case, Household Household)>();
        for (var i = 0; i < DemoStories.All.Count; i++)
        {
            var story = DemoStories.All[i];
            var dates = timeline.For(story.ArrivalInDays, story.Group is not null, story.FirstAllocatedTo is not null, story.Departure != SampleDeparture.None);
            var family = new FamilyPlan(Origin.ByNationality(story.Nationality), story.Size, dates.Admitted, dates.VisaIssued, dates.ArrivedOn, $"BAMF-NesT-{i + 1:0000}");
            MentoringGroup? group = null;
            if (story.Group is not null)
            {
                var owner = story.OwnedByDemoMentor ? Demo(0) : new Actor($"demo-mentor-{i + 1}", faker.Name.FullName());
                group = groups.Approved(story.Group, Ags.Parse(story.Home), owner, dates.GroupApproved, faker.Random.Int(4, 7), $"demo{i + 1}");
                db.MentoringGroups.Add(group);
            }

            var sample = new SampleCase($"NesT-{dates.Admitted.Year}-{i + 1:000}", family, dates, story.Note, group,
                story.Home is null ? null : municipalities[story.Home], story.AllocatedTo, story.FirstAllocatedTo, story.Acknowledged, story.Departure);
            var household = lifecycle.Record(sample);
            db.Households.Add(household);
            cases.Add((sample, household));
        }

        foreach (var (name, home, state) in DemoStories.OtherGroups)
            db.MentoringGroups.Add(OtherGroup(groups, faker, active, name, Ags.Parse(home), state));
        await db.SaveChangesAsync();

        var sponsorships = new List<(Sponsorship Sponsorship, Household Household)>();
        for (var i = 0; i < cases.Count; i++)
        {
            var (sample, household) = cases[i];
            if (lifecycle.MatchAndAllocate(sample, household) is not { } sponsorship) continue;
            SampleEscrow.Fund(sponsorship, DemoStories.All[i].Funding, sample.Dates.Matched, today, staff);
            db.Sponsorships.Add(sponsorship);
            sponsorships.Add((sponsorship, household));
        }

        await db.SaveChangesAsync();

        var dortmundClerk = Demo(2);
        foreach (var (sample, household) in cases)
            lifecycle.Conclude(sample, household, ags => ags.Value == DemoStories.Dortmund
                ? dortmundClerk
                : new Actor("demo-kommune-" + ags, "Sachbearbeitung Ausländerbehörde"));
        RecordEarlyDepartures(db, today, staff);
        await db.SaveChangesAsync();

        db.RentRuns.Add(SettleUpToToday(sponsorships, today, time));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>KA 5514, answer 4: one group dissolved with its support handed over, one whose main contact left.</summary>
    private static void RecordEarlyDepartures(NestPortalDbContext db, DateOnly today, Actor staff)
    {
        var now = SampleGroups.Noon(today);
        var dissolved = db.MentoringGroups.Local.Single(g => g.Name == DemoStories.DissolvedGroup);
        dissolved.Dissolve(today.AddDays(-7), "Mehrere Mitglieder sind beruflich weggezogen; die übrigen können die Begleitung nicht allein tragen.", today, staff, now);
        db.Sponsorships.Local.Single(s => s.GroupId == dissolved.Id).RecordContinuedSupport(DemoStories.ContinuedSupportBy);

        var shortOfContacts = db.MentoringGroups.Local.Single(g => g.Name == DemoStories.GroupMissingMainContact);
        var owner = new Actor(shortOfContacts.CreatedByUserId, "Gruppe " + shortOfContacts.Name);
        var leaving = shortOfContacts.Members.First(m => m.IsMainContact);
        shortOfContacts.RecordMemberLeaving(leaving.Id, today.AddDays(-3), "Umzug nach Hamburg", today, owner, now);
    }

    /// <summary>
    /// Pays the rent due so far, as the monthly rent run would have, and records that as a run, so the
    /// accounts show paid months and administrators a run from the start.
    /// </summary>
    private static RentRun SettleUpToToday(IEnumerable<(Sponsorship Sponsorship, Household Household)> sponsorships, DateOnly today, TimeProvider time)
    {
        var now = time.UtcNow();
        var run = new RentRun(today, "Demodaten", now);
        foreach (var (sponsorship, household) in sponsorships)
            RentRunner.Count(run, sponsorship.Id, sponsorship.Settle(today, household.SupportEndsOn(sponsorship.SupportMonths), RentRunner.Actor, now));
        run.Finish(time.UtcNow());
        return run;
    }

    private static MentoringGroup OtherGroup(SampleGroups groups, Faker faker, DateOnly today, string name, Ags home, string state)
    {
        var owner = new Actor("demo-mentor-" + home, faker.Name.FullName());
        var tag = "demo-" + home;
        return state switch
        {
            "Approved" => groups.Approved(name, home, owner, today.AddDays(-faker.Random.Int(5, 40)), 5, tag),
            "Submitted" => groups.Submitted(name, home, owner, today.AddDays(-faker.Random.Int(5, 30)), 4, tag),
            _ => groups.Draft(name, home, owner, today.AddDays(-faker.Random.Int(1, 20)), 3, tag),
        };
    }
}
