using System.Globalization;
using System.Net;
using System.Text;
using NestPortal.Domain.Common;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.Escrow;

namespace NestPortal.Web.Tests.Pages.Groups;

public sealed class StatementTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly ThisMonth => Months.FirstOf(TestGroups.Today);
    private static string Url(int groupId) => $"/Groups/Statement/{groupId}";

    /// <summary>1,000 € paid in and this month's 650 € paid out: 350 € left against 11 × 650 € still to pay.</summary>
    private async Task<BookingAccount> UnderfundedAsync(string name, string? ownerId = null)
    {
        var account = await factory.CreateAccountAsync(name, deposit: 1000m, ownerId: ownerId);
        await factory.PayRentAsync(account.Sponsorship, ThisMonth);
        return account;
    }

    [Fact]
    public async Task Mentor_sees_entries_balance_months_and_the_shortfall_warning()
    {
        var account = await UnderfundedAsync("Kontoauszug Unterdeckt");
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await client.GetPageAsync(Url(account.Group));

        page.QuerySelector("[data-fact='reference']")!.TextContent.ShouldBe(account.Reference);
        page.QuerySelector("[data-fact='balance']")!.TextContent.ShouldBe("350,00\u00A0€");
        page.QuerySelector("[data-fact='months-paid']")!.TextContent.ShouldBe("1");
        page.QuerySelector("[data-fact='months-remaining']")!.TextContent.ShouldBe("11");
        page.QuerySelector("[data-fact='required']")!.TextContent.ShouldBe("7.800,00\u00A0€");
        page.QuerySelector("[data-fact='funded']")!.TextContent.ShouldBe("1.000,00\u00A0€");
        page.QuerySelector("[data-fact='shortfall']")!.TextContent.ShouldBe("6.800,00\u00A0€");
        page.QuerySelector(".shortfall-warning")!.TextContent.ShouldContain("Es fehlen 6.800,00\u00A0€; bitte zahlen Sie den Betrag auf das Mietkonto ein");
        var rows = page.TableRows();
        rows.Count.ShouldBe(2);
        rows[0].ShouldBe([TestGroups.Today.German(), "Einzahlung", "", "Überweisung Gruppe", "1.000,00\u00A0€", "1.000,00\u00A0€"]);
        rows[1][1].ShouldBe("Mietzahlung");
        rows[1][2].ShouldBe(ThisMonth.ToString("MM.yyyy", CultureInfo.InvariantCulture));
        rows[1][4].ShouldBe("-650,00\u00A0€");
        rows[1][5].ShouldBe("350,00\u00A0€");
        page.QuerySelectorAll("main table th[scope='col']").Length.ShouldBe(6);
        page.QuerySelector("#print-button").ShouldNotBeNull();
        page.QuerySelector(".statement").ShouldNotBeNull("the print stylesheet keys on it");
        page.QuerySelector("main form").ShouldBeNull("the statement is read-only");
    }

    [Fact]
    public async Task A_covered_account_shows_no_warning()
    {
        var account = await factory.CreateAccountAsync("Kontoauszug Gedeckt", deposit: 7800m);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await client.GetPageAsync(Url(account.Group));

        page.QuerySelector(".shortfall-warning").ShouldBeNull();
        page.QuerySelector("[data-fact='shortfall']")!.TextContent.ShouldBe("0,00\u00A0€");
        (await client.GetPageAsync($"/Groups/Details/{account.Group}")).QuerySelector(".shortfall-warning").ShouldBeNull();
        (await client.GetPageAsync($"/Groups/Household/{account.Group}")).QuerySelector(".shortfall-warning").ShouldBeNull();
    }

    [Fact]
    public async Task Pdf_statement_read_back_has_the_sender_the_entries_the_balance_and_the_shortfall_and_is_the_groups_alone()
    {
        var account = await UnderfundedAsync("Kontoauszug Als PDF");
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var page = await client.GetPageAsync(Url(account.Group));

        var response = await client.GetAsync(page.QuerySelector("#statement-pdf")!.GetAttribute("href")!);

        var text = PdfText.Of(await response.PdfAsync());
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldEndWith(".pdf");
        text.ShouldContain("Bezirksregierung Arnsberg – Kompetenzzentrum für Integration");
        text.ShouldContain("Mentoring-Gruppe „Kontoauszug Als PDF“");
        text.ShouldContain($"Familie: {account.Reference}");
        text.ShouldContain("Kontoauszug Mietkonto");
        text.ShouldContain("1.000,00 €");
        text.ShouldContain("-650,00 €");
        text.ShouldContain("Saldo: 350,00 €");
        text.ShouldContain("Auf dem Mietkonto fehlen 6.800,00 €");
        var (stranger, _) = await factory.SignedInAsNewMentorAsync();
        await stranger.GetAsync($"{Url(account.Group)}?handler=Pdf").ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Csv_has_a_bom_semicolons_a_header_and_the_pages_values()
    {
        var account = await UnderfundedAsync("Kontoauszug CSV");
        await factory.DepositAsync(account.Sponsorship, 1234.56m);
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var page = await client.GetPageAsync(Url(account.Group));

        var response = await client.GetAsync($"{Url(account.Group)}?handler=Csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"Mietkonto-{account.Reference}.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(';')).ToList();
        lines[0].ShouldBe(["Datum", "Art", "Monat", "Verwendungszweck", "Betrag in €", "Saldo in €"]);
        var rows = page.TableRows();
        lines.Count.ShouldBe(rows.Count + 1);
        for (var i = 0; i < rows.Count; i++)
        {
            var csv = lines[i + 1];
            csv.Length.ShouldBe(6);
            csv[..4].ShouldBe(rows[i][..4]);
            // Money without thousands separator, which German Excel reads as a number: the same amount as on the page.
            csv[4].ShouldNotContain('.');
            ParseGerman(csv[4]).ShouldBe(ParseGerman(rows[i][4].Replace("\u00A0€", "", StringComparison.Ordinal)));
            ParseGerman(csv[5]).ShouldBe(ParseGerman(rows[i][5].Replace("\u00A0€", "", StringComparison.Ordinal)));
        }

        lines[3][4].ShouldBe("1234,56");
        decimal.Parse(lines[3][5], NumberStyles.Number, CultureInfo.GetCultureInfo("de-DE")).ShouldBe(1584.56m);
    }

    private static decimal ParseGerman(string amount) => decimal.Parse(amount, NumberStyles.Number, CultureInfo.GetCultureInfo("de-DE"));

    [Fact]
    public async Task Csv_quotes_separators_and_defuses_a_reference_a_spreadsheet_would_run_as_a_formula()
    {
        var account = await factory.CreateAccountAsync("Kontoauszug CSV Formel");
        await factory.BookAsync(account.Sponsorship, s => s.RecordDeposit(10m, TestGroups.Today, "=HYPERLINK(\"x\");Spende", TestGroups.Today,
            TestHouseholds.Clerk, TestClock.UtcNow));
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var csv = await client.GetStringAsync($"{Url(account.Group)}?handler=Csv");

        csv.ShouldContain(";\"'=HYPERLINK(\"\"x\"\");Spende\";10,00;10,00\r\n");
    }

    [Fact]
    public async Task The_warning_shows_on_the_group_and_household_pages_with_a_link_to_the_statement()
    {
        var account = await UnderfundedAsync("Kontoauszug Warnung");
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        foreach (var url in new[] { $"/Groups/Details/{account.Group}", $"/Groups/Household/{account.Group}" })
        {
            var page = await client.GetPageAsync(url);
            var warning = page.QuerySelector(".shortfall-warning").ShouldNotBeNull(url);
            warning.GetAttribute("role").ShouldBe("alert");
            warning.TextContent.ShouldContain("Es fehlen 6.800,00\u00A0€");
            warning.QuerySelector($"a[href='{Url(account.Group)}']").ShouldNotBeNull(url);
        }
    }

    [Fact]
    public async Task Group_without_a_household_says_so()
    {
        var groupId = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), "Kontoauszug Ohne Familie");
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        (await client.GetPageAsync(Url(groupId))).MainText().ShouldContain("Ihrer Gruppe ist noch keine Familie vermittelt.");
        await client.GetAsync($"{Url(groupId)}?handler=Csv").ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Mentor_of_another_group_gets_404_and_nothing_of_the_account()
    {
        var account = await UnderfundedAsync("Kontoauszug Fremd", ownerId: "someone-else");
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        foreach (var url in new[] { Url(account.Group), $"{Url(account.Group)}?handler=Csv" })
        {
            var body = await client.GetAsync(url).ShouldBeStatusAsync(HttpStatusCode.NotFound);
            body.ShouldNotReveal(account.Reference);
            body.ShouldNotReveal("DE89");
            body.ShouldNotReveal("Überweisung Gruppe");
        }
    }
}
