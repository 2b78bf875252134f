using NestPortal.Web.Tests.RentRuns;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Operations;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Admin.RentRuns;

/// <summary>/Admin/RentRuns: the administrators' list of runs and the button that starts a run (a run's failure report: <see cref="DetailsTests"/>).</summary>
public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string List = "/Admin/RentRuns";
    private static readonly System.Globalization.CultureInfo German = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

    private Task<HttpClient> AdminAsync() => factory.SignedInAsAsync(Roles.Administrator);

    private Task<int> RunCountAsync() => factory.QueryAsync(db => db.RentRuns.CountAsync());

    private async Task<int> FailedRunAsync()
    {
        var run = new RentRun(new DateOnly(2024, 3, 1), "Zeitplan", TestClock.UtcNow);
        run.CountAccount();
        run.CountPayment(650m);
        run.CountAccount();
        run.RecordFailure(4242, "Das Guthaben von 100,00 € reicht für die Miete für 03.2024 (650,00 €) nicht aus.");
        run.Finish(TestClock.UtcNow);
        await factory.ExecuteAsync(db => db.RentRuns.Add(run));
        return run.Id;
    }

    [Fact]
    public async Task Administrator_sees_the_runs_newest_first_with_their_figures()
    {
        var failed = await FailedRunAsync();
        var client = await AdminAsync();

        var page = await client.GetPageAsync(List);

        var rows = page.TableRows();
        rows.Count.ShouldBe(await RunCountAsync());
        var newest = page.QuerySelector("main table tbody tr")!;
        newest.GetAttribute("data-run").ShouldBe(failed.ToString());
        rows[0][2].ShouldBe("01.03.2024");
        rows[0][3].ShouldBe("Zeitplan");
        rows[0][4].ShouldBe("2");
        rows[0][5].ShouldBe("1");
        rows[0][6].ShouldBe("650,00\u00A0€");
        rows[0][9].ShouldBe("1 Fehler");
        // The demo seed settled the demo accounts up to today and recorded that as the first run.
        rows[^1][3].ShouldBe("Demodaten");
        int.Parse(rows[^1][5]).ShouldBeGreaterThan(0);
        page.QuerySelector("nav a[href='/Admin/RentRuns']").ShouldNotBeNull("administrators find the page in the navigation");
    }

    [Fact]
    public async Task The_filter_shows_only_runs_with_failures()
    {
        var failed = await FailedRunAsync();
        var client = await AdminAsync();

        var page = await client.GetPageAsync($"{List}?onlyFailures=true");

        var runs = page.QuerySelectorAll("main table tbody tr").Select(r => r.GetAttribute("data-run")).ToList();
        runs.ShouldContain(failed.ToString());
        var withoutFailures = await factory.QueryAsync(db => db.RentRuns.Where(r => r.Failures == 0).Select(r => r.Id.ToString()).ToListAsync());
        runs.ShouldNotContain(id => withoutFailures.Contains(id!));
        page.QuerySelector("#onlyFailures")!.HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public async Task Starting_a_run_needs_the_confirmation_and_saves_nothing_without_it()
    {
        var before = await RunCountAsync();
        var client = await AdminAsync();

        var response = await client.PostFormAsync(List, new Dictionary<string, string>(), "handler=Start");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Bitte bestätigen Sie, dass der Mietlauf jetzt Mieten auszahlen soll.");
        (await RunCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Administrator_starts_a_run_for_today_and_reads_its_counts()
    {
        // Lease and arrival on the first of this month: a later arrival day would lie in the future early in a month.
        var firstOfMonth = new DateOnly(TestGroups.Today.Year, TestGroups.Today.Month, 1);
        var (sponsorship, _) = await factory.FundedAsync("Mietlauf per Knopf", firstOfMonth, 12 * RentAccounts.Rent, arrivedOn: firstOfMonth);
        var client = await AdminAsync();

        var response = await client.PostFormAsync(List, new Dictionary<string, string> { ["Confirmed"] = "true" }, "handler=Start");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe(List);
        var run = await factory.QueryAsync(db => db.RentRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync());
        run.StartedBy.ShouldBe("Anton Admin");
        run.PaidThrough.ShouldBe(TestGroups.Today);
        run.FinishedAtUtc.ShouldNotBeNull();
        (await factory.EntriesAsync(sponsorship)).PaidMonths().ShouldBe([new DateOnly(TestGroups.Today.Year, TestGroups.Today.Month, 1)]);
        var page = await client.GetPageAsync(List);
        page.QuerySelector(".kern-alert[role=status]")!.TextContent.ShouldBe(
            $"Der Mietlauf ist abgeschlossen: {Count(run.AccountsChecked, "Konto", "Konten")} geprüft, {Count(run.Payments, "Miete", "Mieten")} gezahlt ({run.AmountPaid.ToString("N2", German)}\u00A0€), "
            + $"{Count(run.Refunds, "Rückzahlung", "Rückzahlungen")}, {Count(run.SponsorshipsCompleted, "Mentoring-Übernahme", "Mentoring-Übernahmen")} abgeschlossen, "
            + $"{run.Failures} Fehler.");
        run.Payments.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Municipality)]
    public async Task Other_roles_cannot_start_a_run(string role)
    {
        var before = await RunCountAsync();
        var client = await factory.SignedInAsAsync(role);

        var post = await client.PostWithTokenAsync($"{List}?handler=Start", new Dictionary<string, string> { ["Confirmed"] = "true" });

        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await RunCountAsync()).ShouldBe(before);
    }

    /// <summary>What the page says for a count: singular for exactly one.</summary>
    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
