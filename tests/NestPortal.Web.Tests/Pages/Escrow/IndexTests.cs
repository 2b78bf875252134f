using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Web.Authorization;
using NestPortal.Web.PageModels;
using NestPortal.Web.Tests.Banking;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Escrow;

public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => TestGroups.Today;

    /// <summary>
    /// Four accounts: underfunded (nothing paid in), funded, ending this month (lease start eleven months
    /// ago, rent paid so far), and completed (rent and support over, settled).
    /// </summary>
    private async Task<(int Underfunded, int Funded, int EndingSoon, int Completed)> AccountsAsync(string tag)
    {
        var underfunded = await factory.SponsorshipAsync($"Kontenliste Offen {tag}", $"NesT-{tag}-OFFEN");
        var funded = await factory.SponsorshipAsync($"Kontenliste Gedeckt {tag}", $"NesT-{tag}-GEDECKT");
        await factory.DepositAsync(funded, 7800m);

        var endingStart = Months.FirstOf(Today).AddMonths(-11);
        var ending = await factory.SponsorshipAsync($"Kontenliste Endet {tag}", $"NesT-{tag}-ENDET", leaseStart: endingStart);
        await factory.DepositAsync(ending, 7800m);
        await factory.BookAsync(ending, (s, actor, now) => s.Settle(Today, null, actor, now));

        var completed = await factory.SponsorshipAsync($"Kontenliste Fertig {tag}", $"NesT-{tag}-FERTIG", leaseStart: Months.FirstOf(Today).AddMonths(-24));
        await factory.DepositAsync(completed, 7800m);
        await factory.BookAsync(completed, (s, actor, now) => s.Settle(Today, Today.AddMonths(-1), actor, now));
        return (underfunded, funded, ending, completed);
    }

    private static async Task<List<string>> GroupsShownAsync(HttpClient client, string query) =>
        (await client.GetPageAsync($"/Escrow/Index?{query}")).TableRows().Select(r => r[0]).Order().ToList();

    [Fact]
    public async Task Every_account_shows_its_stored_figures()
    {
        await AccountsAsync("KZAHL");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var rows = (await client.GetPageAsync("/Escrow/Index?search=KZAHL")).TableRows();

        rows.Count.ShouldBe(4);
        var open = rows.Single(r => r[0] == "Kontenliste Offen KZAHL");
        open[1].ShouldBe("NesT-KZAHL-OFFEN");
        open[2].ShouldStartWith("Bochum");
        open[3].ShouldBe("650,00\u00A0€");
        open[4].ShouldBe("0,00\u00A0€");
        open[5].ShouldBe("Es fehlen 7.800,00\u00A0€");
        open[6].ShouldBe(Months.EndOfPeriod(Months.FirstOf(Today), 12).German());
        open[7].ShouldBe("läuft");
        open[8].ShouldBe("nein");
        var funded = rows.Single(r => r[0] == "Kontenliste Gedeckt KZAHL");
        funded[4].ShouldBe("7.800,00\u00A0€");
        funded[5].ShouldBe("keiner");
        rows.Single(r => r[0] == "Kontenliste Fertig KZAHL")[7].ShouldBe("abgeschlossen");
    }

    [Fact]
    public async Task Filters_pick_underfunded_ending_soon_and_completed_accounts()
    {
        await AccountsAsync("KFILTER");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        (await GroupsShownAsync(client, "search=KFILTER&filter=Underfunded")).ShouldBe(["Kontenliste Offen KFILTER"]);
        (await GroupsShownAsync(client, "search=KFILTER&filter=EndingSoon")).ShouldBe(["Kontenliste Endet KFILTER"]);
        (await GroupsShownAsync(client, "search=KFILTER&filter=Completed")).ShouldBe(["Kontenliste Fertig KFILTER"]);
        (await GroupsShownAsync(client, "search=KFILTER&filter=All")).Count.ShouldBe(4);
    }

    [Fact]
    public async Task Search_finds_group_names_and_household_references_regardless_of_case()
    {
        await AccountsAsync("KSUCHE");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        (await GroupsShownAsync(client, "search=kontenliste%20gedeckt%20ksuche")).ShouldBe(["Kontenliste Gedeckt KSUCHE"]);
        (await GroupsShownAsync(client, "search=nest-ksuche-endet")).ShouldBe(["Kontenliste Endet KSUCHE"]);
        var none = await client.GetPageAsync("/Escrow/Index?search=KSUCHE-NIRGENDS");
        none.TableRows().ShouldBeEmpty();
        none.MainText().ShouldContain("Keine Mietkonten gefunden.");
    }

    [Fact]
    public async Task Pages_hold_twenty_accounts_and_keep_the_filter()
    {
        for (var i = 0; i < 21; i++) await factory.SponsorshipAsync($"Kontenblättern {i:00}", $"NesT-KBLATT-{i:00}");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var first = await client.GetPageAsync("/Escrow/Index?search=KBLATT&filter=Underfunded");
        var second = await client.GetPageAsync("/Escrow/Index?search=KBLATT&filter=Underfunded&pageNumber=2");

        first.TableRows().Count.ShouldBe(20);
        second.TableRows().Count.ShouldBe(1);
        first.TableRows().Concat(second.TableRows()).Select(r => r[1]).Distinct().Count().ShouldBe(21);
        var next = first.QuerySelector("main nav a[href*='pageNumber=2']")!.GetAttribute("href")!;
        next.ShouldContain("search=KBLATT");
        next.ShouldContain("filter=Underfunded");
    }

    [Fact]
    public async Task Staff_find_the_list_in_the_navigation()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var page = await client.GetPageAsync("/Datenquellen");
        page.QuerySelectorAll("nav a").Single(a => a.TextContent.Trim() == "Mietkonten").GetAttribute("href").ShouldBe("/Escrow");
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_have_no_link(string role)
    {
        var client = await factory.SignedInAsAsync(role);

        (await client.GetPageAsync("/Datenquellen")).QuerySelectorAll("nav a").ShouldNotContain(a => a.TextContent.Trim() == "Mietkonten");
    }

    [Fact]
    public async Task The_warning_filter_shows_accounts_whose_statement_shows_an_unknown_debit()
    {
        var (warned, months) = await factory.PaidAccountAsync("Kontenliste Warnung WFILTER");
        var (clean, cleanMonths) = await factory.PaidAccountAsync("Kontenliste Abgeglichen WFILTER");
        await factory.PaidAccountAsync("Kontenliste Ohne Auszug WFILTER");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        await client.UploadStatementAsync($"/Escrow/Upload/{warned}", Banking.TestStatements.Camt053(TestHouseholds.ValidIban, null, months[0], Today,
            [.. months.Select(m => Banking.TestStatements.RentDebit(m, Today)), new Banking.TestBooking("X1", -99m, Today, Banking.TestStatements.GroupIban, "Unbekannt")]));
        await client.UploadStatementAsync($"/Escrow/Upload/{clean}", Banking.TestStatements.Camt053(TestHouseholds.ValidIban, null, cleanMonths[0], Today,
            [.. cleanMonths.Select(m => Banking.TestStatements.RentDebit(m, Today))]));

        (await GroupsShownAsync(client, "search=WFILTER&filter=ReconciliationWarnings")).ShouldBe(["Kontenliste Warnung WFILTER"]);
        (await client.GetPageAsync($"/Escrow/Account/{warned}")).QuerySelector("[data-fact='reconciliation-warnings']")!.TextContent
            .ShouldContain("Unbekannte Abbuchung");
    }

    [Fact]
    public async Task Running_accounts_come_first_soonest_rent_end_first_then_those_without_rent_ties_by_creation()
    {
        // Created in another order than the list's, so an order by id alone would fail.
        var longAgo = Months.FirstOf(Today).AddMonths(-24);
        var completedOwned = await factory.SponsorshipAsync("Reihenfolge Fertig ohne Miete KORDER", rent: 0m, leaseStart: longAgo, ownedByGroup: true);
        var completed = await factory.SponsorshipAsync("Reihenfolge Fertig KORDER", leaseStart: longAgo);
        await factory.DepositAsync(completed, 7800m);
        foreach (var id in new[] { completedOwned, completed })
            await factory.BookAsync(id, (s, actor, now) => s.Settle(Today, Today.AddMonths(-1), actor, now));
        await factory.SponsorshipAsync("Reihenfolge Ohne Miete KORDER", rent: 0m, ownedByGroup: true);
        await factory.SponsorshipAsync("Reihenfolge Später 1 KORDER");
        await factory.SponsorshipAsync("Reihenfolge Bald KORDER", leaseStart: Months.FirstOf(Today).AddMonths(-11));
        await factory.SponsorshipAsync("Reihenfolge Später 2 KORDER");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var rows = (await client.GetPageAsync("/Escrow/Index?search=KORDER")).TableRows();

        rows.Select(r => r[0]).ShouldBe([
            "Reihenfolge Bald KORDER", "Reihenfolge Später 1 KORDER", "Reihenfolge Später 2 KORDER", "Reihenfolge Ohne Miete KORDER",
            "Reihenfolge Fertig KORDER", "Reihenfolge Fertig ohne Miete KORDER",
        ]);
        rows.Select(r => r[7]).ShouldBe(["läuft", "läuft", "läuft", "läuft", "abgeschlossen", "abgeschlossen"]);
    }

    [Fact]
    public async Task The_list_reads_its_page_from_an_index_without_sorting_every_account()
    {
        await AccountsAsync("KPLAN");

        // The page's first command: the ids in the list's order, 20 at a time with the total (ADR 0035).
        var plan = await factory.QueryAsync(async db =>
        {
            await using var command = PagingExtensions.PageWithTotal(db.Sponsorships.InEscrowListOrder().Select(s => s.Id), 1, PagingExtensions.DefaultPageSize)
                .CreateDbCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            await db.Database.OpenConnectionAsync();
            await using var reader = await command.ExecuteReaderAsync();
            var details = new List<string>();
            while (await reader.ReadAsync()) details.Add(reader.GetString(3));
            return details;
        });

        plan.ShouldContain(d => d.Contains("USING INDEX IX_Sponsorships_PendingImportId_ListOrderGroup_RentEndsOn_Id"), string.Join(" | ", plan));
        // The total, too: from the index, not by a scan of the table.
        plan.ShouldNotContain(d => d.StartsWith("SCAN", StringComparison.Ordinal) && !d.Contains("INDEX"), string.Join(" | ", plan));
        plan.ShouldNotContain(d => d.Contains("TEMP B-TREE"), string.Join(" | ", plan));
    }
}
