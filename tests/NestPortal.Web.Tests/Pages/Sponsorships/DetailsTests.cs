using NestPortal.Domain.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Sponsorships;

public sealed class DetailsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => TestGroups.Today;
    private static string Url(int id) => $"/Sponsorships/Details/{id}";
    private static readonly DateOnly LeaseStart = new(2019, 11, 1);

    private async Task<(int Sponsorship, int Household, int Group)> MatchedAsync(string name, DateOnly? arrivedOn = null)
    {
        var household = await factory.CreateHouseholdAsync(familyName: "Alhassan", arrivedOn: arrivedOn);
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), name);
        var id = await factory.MatchAsync(group, household, leaseStart: LeaseStart);
        return (id, household, group);
    }

    private Task<HttpClient> StaffAsync() => factory.SignedInAsAsync(Roles.CompetenceCentre);

    private Task<int> PilotRuleSetIdAsync() =>
        factory.QueryAsync(db => db.RuleSets.Where(r => r.ValidUntil != null).OrderBy(r => r.ValidFrom).Select(r => r.Id).FirstAsync());

    [Fact]
    public async Task Staff_see_group_household_flat_account_rule_set_and_obligations()
    {
        var arrived = Today.AddMonths(-2);
        var (id, householdId, groupId) = await MatchedAsync("Übernahme Ansicht", arrived);
        var client = await StaffAsync();

        var page = await client.GetPageAsync(Url(id));

        page.QuerySelector($"main a[href='/Review/Details/{groupId}']")!.TextContent.ShouldBe("Übernahme Ansicht");
        page.QuerySelector($"main a[href='/Households/Details/{householdId}']").ShouldNotBeNull();
        page.QuerySelector("[data-fact='iban']")!.TextContent.ShouldBe("DE89 3704 0044 0532 0130 00");
        var text = page.MainText();
        text.ShouldContain("Hauptstraße 1, 44787 Bochum");
        text.ShouldContain("Sparkasse Bochum");
        // Permanent rules: 12 months from November 2019.
        page.QuerySelector("[data-fact='last-rent-month']")!.TextContent.ShouldBe("Oktober 2020");
        page.QuerySelector("[data-fact='rent-ends']")!.TextContent.ShouldBe("31.10.2020");
        page.QuerySelector("[data-fact='support-ends']")!.TextContent.Trim().ShouldBe(Months.EndOfPeriod(arrived, 12).German());
        text.ShouldContain("Person1 Alhassan");
    }

    [Fact]
    public async Task Early_departure_shows_with_the_persons_support_ending_that_day()
    {
        var arrived = Today.AddMonths(-3);
        var (id, householdId, _) = await MatchedAsync("Übernahme Ausscheiden", arrived);
        var left = Today.AddDays(-5);
        await factory.ExecuteAsync(async db =>
        {
            var household = await db.Households.Include(h => h.Persons).SingleAsync(h => h.Id == householdId);
            household.RecordDeparture(household.Persons.First(p => p.GivenName == "Person1").Id, left, DepartureReason.MovedAway, null, Today);
            await db.SaveChangesAsync();
        });
        var client = await StaffAsync();

        var page = await client.GetPageAsync(Url(id));

        var row = page.QuerySelectorAll("main table tbody tr").Single(r => r.TextContent.Contains("Person1 Alhassan"));
        row.TextContent.ShouldContain($"am {left.German()}: Umzug");
        row.QuerySelectorAll("td")[1].TextContent.ShouldBe(left.German(), "support ends the day the person left");
        page.QuerySelector("[data-fact='rent-ends']")!.TextContent.ShouldBe("31.10.2020", "the rent continues unchanged");
    }

    [Fact]
    public async Task Staff_switch_to_the_pilot_rules_with_a_reason_and_the_rent_runs_24_months()
    {
        var (id, _, _) = await MatchedAsync("Übernahme Regelwechsel");
        var pilot = await PilotRuleSetIdAsync();
        var client = await StaffAsync();

        var response = await client.PostFormAsync(Url(id), new Dictionary<string, string>
        {
            ["Switch.RuleSetId"] = pilot.ToString(),
            ["Switch.Reason"] = "Aufnahmezusage vor dem 1. Juli 2022",
        }, "handler=SwitchRuleSet");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetPageAsync(response.Location());
        page.MainText().ShouldContain("Die Programmregeln sind geändert.");
        page.MainText().ShouldContain("Aufnahmezusage vor dem 1. Juli 2022");
        page.QuerySelector("[data-fact='last-rent-month']")!.TextContent.ShouldBe("Oktober 2021");
        page.QuerySelector("[data-fact='rent-ends']")!.TextContent.ShouldBe("31.10.2021");
        var saved = await factory.QueryAsync(db => db.Sponsorships.AsNoTracking().SingleAsync(s => s.Id == id));
        saved.RuleSetId.ShouldBe(pilot);
        saved.RentMonths.ShouldBe(24);
        (await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Sponsorship" && a.EntityId == id.ToString()
            && a.Changes!.Contains("RuleSetReason")))).ShouldBe(1);
    }

    [Fact]
    public async Task Switching_a_pilot_sponsorship_to_the_permanent_rules_halves_the_required_funding_and_keeps_the_entries()
    {
        var household = await factory.CreateHouseholdAsync(familyName: "Regelwechsel");
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), "Übernahme Pilot zu Regel");
        var id = await factory.MatchAsync(group, household, rent: 650.00m, leaseStart: Months.FirstOf(Today));
        var pilot = await PilotRuleSetIdAsync();
        var permanent = await factory.QueryAsync(db => db.RuleSets.Where(r => r.ValidUntil == null).Select(r => r.Id).SingleAsync());
        await factory.ExecuteAsync(async db =>
        {
            var sponsorship = await db.Sponsorships.SingleAsync(s => s.Id == id);
            sponsorship.SwitchRuleSet(await db.RuleSets.SingleAsync(r => r.Id == pilot), "Aufnahmezusage vor Juli 2022");
            sponsorship.RecordDeposit(5_000.00m, Today, "Einzahlung Gruppe", Today, TestHouseholds.Clerk, TestClock.UtcNow);
            await db.SaveChangesAsync();
        });
        var entriesBefore = await factory.QueryAsync(db => db.EscrowEntries.AsNoTracking().Where(e => e.SponsorshipId == id)
            .Select(e => new { e.Id, e.Kind, e.Amount }).ToListAsync());
        var client = await StaffAsync();
        var shown = await client.GetPageAsync(Url(id));
        shown.QuerySelector("[data-fact='required']")!.TextContent.ShouldBe("15.600,00\u00A0€", "24 months × 650 €");
        shown.QuerySelector("[data-fact='shortfall']")!.TextContent.ShouldContain("10.600,00\u00A0€");

        var response = await client.PostFormAsync(Url(id), new Dictionary<string, string>
        {
            ["Switch.RuleSetId"] = permanent.ToString(),
            ["Switch.Reason"] = "Regelprogramm vereinbart",
        }, "handler=SwitchRuleSet");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetPageAsync(response.Location());
        page.QuerySelector("[data-fact='required']")!.TextContent.ShouldBe("7.800,00\u00A0€", "12 months × 650 €");
        page.QuerySelector("[data-fact='funded']")!.TextContent.ShouldBe("5.000,00\u00A0€");
        page.QuerySelector("[data-fact='shortfall']")!.TextContent.ShouldContain("2.800,00\u00A0€");
        page.QuerySelector("[data-fact='last-rent-month']")!.TextContent.ShouldBe(Months.FirstOf(Today).AddMonths(11).ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("de-DE")));
        var saved = await factory.QueryAsync(db => db.Sponsorships.AsNoTracking().SingleAsync(s => s.Id == id));
        saved.Position.Required.ShouldBe(7_800.00m);
        saved.EscrowBalance.ShouldBe(5_000.00m);
        saved.EscrowShortfall.ShouldBe(2_800.00m, "the stored shortfall for lists follows the switch");
        var entriesAfter = await factory.QueryAsync(db => db.EscrowEntries.AsNoTracking().Where(e => e.SponsorshipId == id)
            .Select(e => new { e.Id, e.Kind, e.Amount }).ToListAsync());
        entriesAfter.ShouldBe(entriesBefore, "money already booked is not touched");
    }

    [Fact]
    public async Task Switch_without_a_reason_is_refused()
    {
        var (id, _, _) = await MatchedAsync("Übernahme Ohne Grund");
        var pilot = await PilotRuleSetIdAsync();
        var client = await StaffAsync();

        var response = await client.PostFormAsync(Url(id), new Dictionary<string, string>
        {
            ["Switch.RuleSetId"] = pilot.ToString(),
            ["Switch.Reason"] = "",
        }, "handler=SwitchRuleSet");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Begründung");
        page.QuerySelector("select[name='Switch.RuleSetId'] option[selected]")!.GetAttribute("value").ShouldBe(pilot.ToString());
        (await factory.QueryAsync(db => db.Sponsorships.SingleAsync(s => s.Id == id))).RentMonths.ShouldBe(12);
    }

    [Fact]
    public async Task Switch_on_a_stale_page_is_refused()
    {
        var (id, _, _) = await MatchedAsync("Übernahme Veraltet");
        var pilot = await PilotRuleSetIdAsync();
        var client = await StaffAsync();
        var shown = (await client.GetPageAsync(Url(id))).ValueOf("Version")!;
        // A colleague switched meanwhile (and back): same rules, new stamp.
        await factory.ExecuteAsync(async db =>
        {
            var sponsorship = await db.Sponsorships.SingleAsync(s => s.Id == id);
            var original = sponsorship.RuleSetId;
            sponsorship.SwitchRuleSet(await db.RuleSets.SingleAsync(r => r.Id == pilot), "Kollegin: Test");
            sponsorship.SwitchRuleSet(await db.RuleSets.SingleAsync(r => r.Id == original), "Kollegin: zurück");
            await db.SaveChangesAsync();
        });
        var before = await factory.QueryAsync(db => db.Sponsorships.AsNoTracking().SingleAsync(s => s.Id == id));

        var response = await client.PostFormAsync(Url(id), new Dictionary<string, string>
        {
            ["Version"] = shown,
            ["Switch.RuleSetId"] = pilot.ToString(),
            ["Switch.Reason"] = "Meine Begründung",
        }, "handler=SwitchRuleSet");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("Die Mentoring-Übernahme wurde inzwischen von jemand anderem geändert.");
        var after = await factory.QueryAsync(db => db.Sponsorships.AsNoTracking().SingleAsync(s => s.Id == id));
        after.ConcurrencyStamp.ShouldBe(before.ConcurrencyStamp);
        after.RuleSetReason.ShouldBe("Kollegin: zurück");
    }

    [Fact]
    public async Task Unknown_sponsorship_is_404()
    {
        var client = await StaffAsync();
        await client.GetAsync(Url(999_999)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.PostWithTokenAsync($"{Url(999_999)}?handler=SwitchRuleSet").ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_get_403(string role)
    {
        var (id, _, _) = await MatchedAsync($"Übernahme Rolle {role}");
        var pilot = await PilotRuleSetIdAsync();
        var client = await factory.SignedInAsAsync(role);

        await client.PostWithTokenAsync($"{Url(id)}?handler=SwitchRuleSet", new Dictionary<string, string>
        {
            ["Switch.RuleSetId"] = pilot.ToString(), ["Switch.Reason"] = "x",
        }).ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        (await factory.QueryAsync(db => db.Sponsorships.SingleAsync(s => s.Id == id))).RentMonths.ShouldBe(12);
    }
}
