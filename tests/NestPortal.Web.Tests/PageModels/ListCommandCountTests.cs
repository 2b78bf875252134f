using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Notifications;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.Messages;
using NestPortal.Web.Tests.Pages.MyMunicipality;
using NestPortal.Web.Tests.Pages.Outreach;

namespace NestPortal.Web.Tests.PageModels;

/// <summary>
/// Every staff list, the household details and the municipality dashboard send the same number of SQL
/// commands with N and with 3N rows, and exactly the number named here (docs/performance.md, "Lists and
/// the dashboard"): a lookup per row, a second count or a lost projection shows as a failure. The page's
/// own commands are counted: what every signed-in page sends besides (the session check, the header's
/// unread count) is measured on the minimal page in the same test and taken off, so those may change
/// without touching these figures. Each list is searched for its own rows, so the other tests' rows do
/// not fill its page first.
/// </summary>
public sealed class ListCommandCountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Bochum = MunicipalityHouseholds.Bochum;

    [Fact]
    public async Task Household_list() =>
        await ShouldStayAtAsync(Roles.CompetenceCentre, "/Households?search=Zaehlfamilie", 1,
            n => Times(n, () => factory.CreateHouseholdAsync(familyName: "Zaehlfamilie")));

    [Fact]
    public async Task Household_list_after_a_cursor()
    {
        var first = 0;
        await ShouldStayAtAsync(Roles.CompetenceCentre, () => $"/Households?search=Cursorfamilie&sort=Reference&after={first}", 2,
            async n =>
            {
                await Times(n, () => factory.CreateHouseholdAsync(familyName: "Cursorfamilie"));
                // The first in the sort order, so that its next page has rows (an empty page also counts them again).
                first = await factory.QueryAsync(db => db.Households.Where(h => h.Persons.Any(p => p.FamilyName == "Cursorfamilie"))
                    .OrderBy(h => h.Reference).Select(h => h.Id).FirstAsync());
            });
    }

    [Fact]
    public async Task Household_details()
    {
        // One person, then three (the test persons' birth dates allow at most three).
        var persons = 1;
        var id = 0;
        // The household with its persons and allocations (one untracked query), its sponsorship, its history, and the
        // documents section's documents and requests.
        await ShouldStayAtAsync(Roles.CompetenceCentre, () => $"/Households/Details/{id}", 5, async n =>
        {
            id = await factory.AllocatedHouseholdAsync(Bochum, "Detailzaehlung", persons: persons);
            persons *= 3;
        });
    }

    [Fact]
    public async Task Group_review_list() =>
        await ShouldStayAtAsync(Roles.CompetenceCentre, "/Review?status=all&search=Zaehlgruppe", 1, async n =>
        {
            var mentor = await factory.DemoMentorIdAsync();
            await Times(n, () => factory.CreateGroupAsync(mentor, $"Zaehlgruppe {Guid.NewGuid():N}"[..30], submittedOn: TestGroups.Today));
        });

    [Fact]
    public async Task Mentors_group_list() =>
        await ShouldStayAtAsync(Roles.Mentor, "/Groups", 1, async n =>
        {
            var mentor = await factory.DemoMentorIdAsync();
            await Times(n, () => factory.CreateGroupAsync(mentor, $"Eigene Gruppe {Guid.NewGuid():N}"[..30]));
        });

    [Fact]
    public async Task Sponsorship_list() =>
        await ShouldStayAtAsync(Roles.CompetenceCentre, "/Sponsorships?status=all&search=Gruppe%20Patenzaehlung", 2,
            n => Times(n, () => factory.AllocatedHouseholdAsync(Bochum, "Patenzaehlung")));

    [Fact]
    public async Task Escrow_account_list() =>
        await ShouldStayAtAsync(Roles.CompetenceCentre, "/Escrow?search=Gruppe%20Kontozaehlung", 2,
            n => Times(n, () => factory.AllocatedHouseholdAsync(Bochum, "Kontozaehlung")));

    [Fact]
    public async Task Escrow_accounts_with_reconciliation_warnings() =>
        // The reconciled accounts' sponsorships, bank entries, matches, waivers and statements, then the page of ids;
        // no account here has a warning, so no row to look up.
        await ShouldStayAtAsync(Roles.CompetenceCentre, "/Escrow?filter=ReconciliationWarnings", 6,
            n => Times(n, () => factory.AllocatedHouseholdAsync(Bochum, "Warnzaehlung")));

    [Fact]
    public async Task Allocations_waiting_for_a_decision() =>
        await ShouldStayAtAsync(Roles.CompetenceCentre, "/Allocations?search=NesT-Wartet", 1, async n =>
        {
            var mentor = await factory.DemoMentorIdAsync();
            await Times(n, async () =>
            {
                var household = await factory.CreateHouseholdAsync(reference: $"NesT-Wartet-{Guid.NewGuid():N}"[..24]);
                var group = await factory.CreateApprovedGroupAsync(mentor, $"Wartegruppe {Guid.NewGuid():N}"[..30]);
                await factory.MatchAsync(group, household);
            });
        });

    [Fact]
    public async Task Allocations_not_acknowledged() =>
        await ShouldStayAtAsync(Roles.CompetenceCentre, "/Allocations?view=unacknowledged&search=NesT-Offen", 1,
            n => Times(n, () => factory.AllocatedHouseholdAsync(Bochum, "Offenzaehlung", reference: $"NesT-Offen-{Guid.NewGuid():N}"[..24])));

    [Fact]
    public async Task Messages() =>
        // The page's own unread count and the page with its total.
        await ShouldStayAtAsync(Roles.CompetenceCentre, "/Messages", 2,
            n => Times(n, () => factory.MessageAsync(PortalMessage.CompetenceCentre, "Zählnachricht")));

    [Fact]
    public async Task Outreach_log() =>
        // The municipalities informed by the events found, and the page with its total.
        await ShouldStayAtAsync(Roles.CompetenceCentre, "/Outreach?search=Zaehltermin", 2,
            n => Times(n, () => factory.RecordOutreachAsync($"Zaehltermin {Guid.NewGuid():N}"[..24], ["05911000", "05913000"], ["05911000"])));

    [Fact]
    public async Task Municipality_list() =>
        // The register's 396 rows do not grow; the informed count per row is part of the one query.
        await ShouldStayAtAsync(Roles.CompetenceCentre, "/Municipalities?search=Bochum", 1,
            n => Times(n, () => factory.RecordOutreachAsync($"Kommunentermin {Guid.NewGuid():N}"[..24], ["05911000"], ["05911000"])));

    [Fact]
    public async Task Municipality_dashboard() =>
        // One query each for the allocated households (a page with its total) and the three short lists (rows with their total).
        await ShouldStayAtAsync(Roles.Municipality, "/MyMunicipality", 4,
            n => Times(n, i => factory.AllocatedHouseholdAsync(MunicipalityHouseholds.Dortmund, "Dashboardzaehlung", persons: 3,
                expectedArrival: TestGroups.Today.AddDays(5 + i), leaseStart: MunicipalityHouseholds.RentEndingThisMonth)));

    private Task ShouldStayAtAsync(string role, string url, long expected, Func<int, Task> add) =>
        ShouldStayAtAsync(role, () => url, expected, add);

    /// <summary>N rows, then 3N: the page's own SQL commands are <paramref name="expected"/> both times.</summary>
    private async Task ShouldStayAtAsync(string role, Func<string> url, long expected, Func<int, Task> add)
    {
        const int n = 2;
        var client = await factory.SignedInAsAsync(role);
        await add(n);
        // Once before counting: the register of municipalities is read once per process, on first use.
        await client.GetPageAsync(url());
        var few = await OwnCommandsAsync(client, url());
        await add(2 * n);
        var many = await OwnCommandsAsync(client, url());

        many.ShouldBe(few, $"GET {url()}: the SQL commands grew with the rows");
        few.ShouldBe(expected, $"GET {url()}: the page's own SQL commands");
    }

    private async Task<long> OwnCommandsAsync(HttpClient client, string url)
    {
        // The minimal page sends one command of its own (the municipalities' count) besides every page's share. It is
        // asked twice: the first refills what a write may have made the caches forget (the header's unread count).
        await client.GetPageAsync("/Datenquellen");
        var minimal = await factory.CommandsDuringAsync(() => client.GetPageAsync("/Datenquellen"));
        var page = await factory.CommandsDuringAsync(() => client.GetPageAsync(url));
        return page - (minimal - 1);
    }

    private static Task Times(int n, Func<Task> add) => Times(n, _ => add());

    private static async Task Times(int n, Func<int, Task> add)
    {
        for (var i = 0; i < n; i++) await add(i);
    }
}
