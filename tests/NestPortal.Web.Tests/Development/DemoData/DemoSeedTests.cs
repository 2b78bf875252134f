using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Development.DemoData;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Development.DemoData;

/// <summary>The demo set seeded at start (Testing, like Development): every demo role has something to see.</summary>
public sealed class DemoSeedTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Ags Dortmund = Ags.Parse(DemoStories.Dortmund);
    private static DateOnly Today => TestGroups.Today;

    private static ClaimsPrincipal User(string role, string userId, string? email = null, string? ags = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Role, role) };
        if (email is not null) claims.Add(new Claim(ClaimTypes.Email, email));
        if (ags is not null) claims.Add(new Claim(PortalClaims.MunicipalityAgs, ags));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    private Task<Dictionary<string, int>> CountsAsync() => factory.QueryAsync(async db => new Dictionary<string, int>
    {
        ["groups"] = await db.MentoringGroups.CountAsync(),
        ["households"] = await db.Households.CountAsync(),
        ["persons"] = await db.Refugees.CountAsync(),
        ["sponsorships"] = await db.Sponsorships.CountAsync(),
        ["allocations"] = await db.Allocations.CountAsync(),
        ["audit"] = await db.AuditEntries.CountAsync(),
        ["outreach"] = await db.OutreachEvents.CountAsync(),
        ["outreach municipalities"] = await db.OutreachMunicipalities.CountAsync(),
        ["safe harbours"] = await db.Municipalities.CountAsync(m => m.SafeHarbourDeclaredOn != null),
    });

    [Fact]
    public async Task The_demo_municipality_has_allocated_households_arrivals_soon_and_rent_ending_soon()
    {
        var municipality = User(Roles.Municipality, "kommune", ags: Dortmund.Value);

        var (households, arrivingSoon, rentEndingSoon) = await factory.QueryAsync(async db =>
        {
            var visible = db.HouseholdsVisibleTo(municipality);
            var all = await visible.Include(h => h.Persons).AsSplitQuery().ToListAsync();
            var arriving = await visible.CountAsync(h => h.FirstArrival == null && h.ExpectedArrival >= Today && h.ExpectedArrival <= Today.AddDays(60));
            var rentEnding = await db.Sponsorships.CountAsync(s => visible.Any(h => h.Id == s.HouseholdId)
                && s.RentEndsOn >= Today && s.RentEndsOn <= Today.AddDays(90));
            return (all, arriving, rentEnding);
        });

        households.Count.ShouldBe(8);
        households.ShouldAllBe(h => h.AllocatedMunicipalityAgs == Dortmund);
        arrivingSoon.ShouldBeGreaterThanOrEqualTo(2);
        rentEndingSoon.ShouldBeGreaterThanOrEqualTo(2);
        households.Select(h => h.Status).Distinct().Order().ShouldBe([HouseholdStatus.Allocated, HouseholdStatus.Arrived, HouseholdStatus.Left]);
        households.SelectMany(h => h.Persons).ShouldContain(p => p.LeftOn != null, "an early departure");
    }

    [Fact]
    public async Task Acknowledged_and_superseded_decisions_are_there_and_Dortmund_does_not_see_the_household_moved_away()
    {
        var allocations = await factory.QueryAsync(db => db.Allocations.AsNoTracking().ToListAsync());

        allocations.ShouldContain(a => a.MunicipalityAgs == Dortmund && a.IsAcknowledged && a.AcknowledgedByName == "Katrin Kommune (Dortmund)");
        allocations.ShouldContain(a => a.MunicipalityAgs == Dortmund && a.IsCurrent && !a.IsAcknowledged, "something to acknowledge");
        var movedAway = allocations.Single(a => a.MunicipalityAgs == Dortmund && !a.IsCurrent);
        var current = allocations.Single(a => a.HouseholdId == movedAway.HouseholdId && a.IsCurrent);
        current.MunicipalityAgs.ShouldBe(Ags.Parse("05914000"));
        (await factory.QueryAsync(db => db.HouseholdsVisibleTo(User(Roles.Municipality, "kommune", ags: Dortmund.Value))
            .AnyAsync(h => h.Id == movedAway.HouseholdId))).ShouldBeFalse();
        allocations.ShouldContain(a => a.MunicipalityAgs == Ags.Parse("05978024") && !a.IsCurrent, "moved from Lünen to Dortmund");
    }

    [Fact]
    public async Task The_demo_mentor_keeps_the_draft_and_sees_the_household_of_a_second_approved_group()
    {
        var mentorId = await factory.DemoMentorIdAsync();
        var mentor = User(Roles.Mentor, mentorId, DemoUsers.All[0].Email);

        var (groups, households) = await factory.QueryAsync(async db =>
            (await db.GroupsOf(mentor).Select(g => new { g.Name, g.Status }).ToListAsync(),
             await db.HouseholdsVisibleTo(mentor).Include(h => h.Persons).ToListAsync()));

        groups.ShouldContain(new { Name = "Willkommensteam Hörde", Status = GroupStatus.Draft });
        groups.ShouldContain(new { Name = "Patenschaft Phoenixsee", Status = GroupStatus.Approved });
        households.ShouldHaveSingleItem().Status.ShouldBe(HouseholdStatus.Arrived);
        var sponsorship = await factory.QueryAsync(db => db.Sponsorships.SingleAsync(s => s.HouseholdId == households[0].Id));
        sponsorship.Apartment.MunicipalityAgs.ShouldBe(Dortmund);
        households[0].SupportEndsOn(sponsorship.SupportMonths).ShouldNotBeNull();
    }

    [Fact]
    public async Task The_set_has_about_fifty_households_and_forty_groups_in_every_state_across_the_regions()
    {
        var summary = await factory.QueryAsync(async db => new
        {
            Households = await db.Households.Select(h => h.Status).ToListAsync(),
            Groups = await db.MentoringGroups.Select(g => g.Status).ToListAsync(),
            Regions = await db.MentoringGroups.Join(db.Municipalities, g => g.HomeMunicipalityAgs, m => m.Ags, (g, m) => m.AdministrativeRegion).Distinct().CountAsync(),
            Nationalities = await db.Refugees.Select(r => r.NationalityCode).Distinct().CountAsync(),
            Running = await db.Sponsorships.CountAsync(),
        });

        summary.Households.Count.ShouldBe(DemoStories.All.Count + DemoHistoryStories.All.Count);
        summary.Households.Distinct().Count().ShouldBe(Enum.GetValues<HouseholdStatus>().Length, "every household status");
        summary.Groups.Count.ShouldBeInRange(42, 48, "thirty of today and thirteen of the history");
        summary.Groups.Distinct().Count().ShouldBe(Enum.GetValues<GroupStatus>().Length, "every group status");
        summary.Regions.ShouldBe(5);
        summary.Nationalities.ShouldBe(8);
        summary.Running.ShouldBe(DemoStories.All.Count(s => s.Group is not null) + DemoHistoryStories.All.Count);
    }

    [Fact]
    public async Task The_outreach_log_has_events_from_2019_to_2023_and_Koeln_is_a_Sicherer_Hafen()
    {
        var years = await factory.QueryAsync(db => db.OutreachEvents.Select(o => o.HeldOn.Year).Distinct().OrderBy(y => y).ToListAsync());
        var koeln = Ags.Parse("05315000");
        var koelnDecision = await factory.QueryAsync(db => db.Municipalities.Where(m => m.Ags == koeln).Select(m => m.SafeHarbourDeclaredOn).SingleAsync());
        var informed = await factory.QueryAsync(db => db.OutreachMunicipalities.CountAsync(m => m.Informed));

        years.ShouldBe([2019, 2020, 2021, 2023]);
        koelnDecision.ShouldBe(new DateOnly(2018, 9, 6));
        informed.ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        var before = await CountsAsync();

        await factory.ExecuteAsync(async db =>
        {
            await DemoGroups.SeedAsync(db, TestClock.Instance);
            await DemoHouseholds.SeedAsync(db, TestClock.Instance);
            (await DemoHistory.SeedAsync(db, TestClock.Instance)).ShouldBeFalse();
            await DemoOutreach.SeedAsync(db, TestClock.Instance);
        });

        (await CountsAsync()).ShouldBe(before);
    }
}
