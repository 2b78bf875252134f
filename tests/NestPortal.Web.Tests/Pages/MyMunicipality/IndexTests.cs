using System.Net;
using AngleSharp.Html.Dom;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.MyMunicipality.MunicipalityHouseholds;

namespace NestPortal.Web.Tests.Pages.MyMunicipality;

public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Dashboard = "/MyMunicipality";
    private static DateOnly Today => TestGroups.Today;

    private Task<HttpClient> MunicipalityAsync() => factory.SignedInAsAsync(Roles.Municipality);

    private static int CountOf(IHtmlDocument page, string section) => int.Parse(page.QuerySelector($"#count-{section}")!.TextContent);

    private static string TableText(IHtmlDocument page, string table) => page.QuerySelector($"#{table}-table")?.TextContent ?? string.Empty;

    private static Dictionary<string, int> Counts(IHtmlDocument page) =>
        new[] { "allocated", "arrivals", "rent-ends", "unacknowledged" }.ToDictionary(s => s, s => CountOf(page, s));

    [Fact]
    public async Task Search_finds_households_by_family_name_and_reference_but_never_one_allocated_elsewhere()
    {
        var own = await factory.AllocatedHouseholdAsync(Dortmund, "Suchtreffer", reference: "NesT-DO-Such-1");
        await factory.AllocatedHouseholdAsync(Bochum, "Suchfremd", reference: "NesT-BO-Such-2");
        var client = await MunicipalityAsync();

        var byName = await client.GetPageAsync($"{Dashboard}?search=suchtreff");
        TableText(byName, "allocated").ShouldContain("NesT-DO-Such-1");
        byName.QuerySelectorAll("#allocated-table tbody tr").Length.ShouldBe(1);
        byName.ValueOf("search").ShouldBe("suchtreff");

        var byReference = await client.GetPageAsync($"{Dashboard}?search=DO-Such");
        TableText(byReference, "allocated").ShouldContain("Suchtreffer");

        // The search box repeats the term, so each search is checked for the other identifier of the foreign household.
        (await client.GetAsync($"{Dashboard}?search=Suchfremd").ShouldBeStatusAsync(HttpStatusCode.OK)).ShouldNotReveal("NesT-BO-Such-2");
        (await client.GetAsync($"{Dashboard}?search=NesT-BO-Such-2").ShouldBeStatusAsync(HttpStatusCode.OK)).ShouldNotReveal("Suchfremd");
        var broad = await client.GetAsync($"{Dashboard}?search=Such").ShouldBeStatusAsync(HttpStatusCode.OK);
        broad.ShouldNotReveal("Suchfremd");
        broad.ShouldNotReveal("NesT-BO-Such-2");
        (await client.GetPageAsync($"{Dashboard}?search=Suchfremd")).MainText().ShouldContain("Keine Familien gefunden.");
        (await client.GetPageAsync($"{Dashboard}?search=Such")).QuerySelector($"#allocated-table a[href='/MyMunicipality/Households/{own}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_list_of_allocated_households_is_paged_and_keeps_the_search()
    {
        for (var i = 0; i < NestPortal.Web.PageModels.PagingExtensions.DefaultPageSize + 2; i++)
            await factory.AllocatedHouseholdAsync(Dortmund, "Seitenweise", persons: 1, reference: $"NesT-Seite-{i:00}");
        var client = await MunicipalityAsync();

        var first = await client.GetPageAsync($"{Dashboard}?search=Seitenweise");
        first.QuerySelectorAll("#allocated-table tbody tr").Length.ShouldBe(NestPortal.Web.PageModels.PagingExtensions.DefaultPageSize);
        first.MainText().ShouldContain($"Seite 1 von 2 ({NestPortal.Web.PageModels.PagingExtensions.DefaultPageSize + 2} Einträge)");
        var next = first.QuerySelectorAll("nav .np-pager a").Single(a => a.TextContent.Trim() == "Weiter").GetAttribute("href")!;
        next.ShouldContain("search=Seitenweise");

        var second = await client.GetPageAsync(next);
        second.QuerySelectorAll("#allocated-table tbody tr").Length.ShouldBe(2);
    }

    [Fact]
    public async Task The_number_of_sql_commands_does_not_grow_with_the_rows()
    {
        await factory.AllocatedHouseholdAsync(Dortmund, "Zaehlung", expectedArrival: Today.AddDays(5), leaseStart: RentEndingThisMonth);
        var client = await MunicipalityAsync();
        await client.GetPageAsync(Dashboard);

        var few = await factory.CommandsDuringAsync(() => client.GetPageAsync(Dashboard));
        for (var i = 0; i < 6; i++)
            await factory.AllocatedHouseholdAsync(Dortmund, "Zaehlung", persons: 3, expectedArrival: Today.AddDays(5 + i), leaseStart: RentEndingThisMonth);
        var many = await factory.CommandsDuringAsync(() => client.GetPageAsync(Dashboard));

        // The session check and one query for each of the four lists (its rows with their total; the municipality comes
        // from the register, read once per process; the header's unread count is kept between pages, UnreadCounts): at
        // most 6. ListCommandCountTests holds the page's own figure exactly.
        few.ShouldBeInRange(1L, 6L);
        many.ShouldBe(few);
    }

    private static DateOnly Months(int offset) => NestPortal.Domain.Common.Months.FirstOf(Today).AddMonths(offset);

    /// <summary>
    /// The sections' short lists show 25 households: the check that its own households are listed needs a
    /// portal where the other tests (paging adds dozens to Dortmund) have not filled them first.
    /// </summary>
    public sealed class Sections(PortalFactory factory) : IClassFixture<PortalFactory>
    {
        private Task<HttpClient> MunicipalityAsync() => factory.SignedInAsAsync(Roles.Municipality);

        [Fact]
        public async Task Dashboard_counts_and_lists_only_this_municipalitys_households_in_each_section()
        {
            var client = await MunicipalityAsync();
            var before = Counts(await client.GetPageAsync(Dashboard));

            var arriving = await factory.AllocatedHouseholdAsync(Dortmund, "Ankunftsbald", expectedArrival: Today.AddDays(20), leaseStart: Months(0));
            var later = await factory.AllocatedHouseholdAsync(Dortmund, "Ankunftspaeter", expectedArrival: Today.AddDays(100), leaseStart: Months(0));
            var rentEnding = await factory.AllocatedHouseholdAsync(Dortmund, "Mietendebald", arrivedOn: Today.AddMonths(-10), leaseStart: RentEndingThisMonth);
            await factory.AcknowledgeAsync(rentEnding, Dortmund);
            var elsewhere = await factory.AllocatedHouseholdAsync(Bochum, "Anderswohner", expectedArrival: Today.AddDays(10), leaseStart: RentEndingThisMonth);
            var references = await factory.QueryAsync(db => Task.FromResult(db.Households.Where(h => new[] { arriving, later, rentEnding, elsewhere }.Contains(h.Id))
                .ToDictionary(h => h.Id, h => h.Reference)));

            var response = await client.GetAsync(Dashboard);
            var body = await response.Content.ReadAsStringAsync();
            var page = await response.ReadHtmlAsync();

            page.QuerySelector("h1")!.TextContent.ShouldContain("Dortmund");
            var after = Counts(page);
            (after["allocated"] - before["allocated"]).ShouldBe(3);
            (after["arrivals"] - before["arrivals"]).ShouldBe(1);
            (after["rent-ends"] - before["rent-ends"]).ShouldBe(1);
            (after["unacknowledged"] - before["unacknowledged"]).ShouldBe(2);

            TableText(page, "arrivals").ShouldContain(references[arriving]);
            TableText(page, "arrivals").ShouldContain(Today.AddDays(20).German());
            TableText(page, "arrivals").ShouldNotContain(references[later]);
            TableText(page, "arrivals").ShouldNotContain(references[rentEnding], customMessage: "arrived households are not arrivals ahead");
            TableText(page, "rent-ends").ShouldContain(references[rentEnding]);
            TableText(page, "rent-ends").ShouldContain(Months(1).AddDays(-1).German());
            TableText(page, "rent-ends").ShouldContain("Hauptstraße 1, 44787 Bochum");
            TableText(page, "rent-ends").ShouldNotContain(references[arriving]);
            TableText(page, "unacknowledged").ShouldContain(references[arriving]);
            TableText(page, "unacknowledged").ShouldContain(references[later]);
            TableText(page, "unacknowledged").ShouldNotContain(references[rentEnding]);
            page.MainText().ShouldContain("Danach übernimmt Ihr Leistungsträger die Miete.");

            body.ShouldNotReveal(references[elsewhere]);
            body.ShouldNotReveal("Anderswohner");
            body.ShouldNotReveal(SpecialNeeds);
            page.QuerySelector($"main a[href='/MyMunicipality/Households/{arriving}']").ShouldNotBeNull();
        }
    }
}
