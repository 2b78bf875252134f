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
    public async Task Administrator_starts_a_run_that_works_in_the_background_and_reads_its_counts()
    {
        // Lease and arrival on the first of this month: a later arrival day would lie in the future early in a month.
        var firstOfMonth = new DateOnly(TestGroups.Today.Year, TestGroups.Today.Month, 1);
        var (sponsorship, _) = await factory.FundedAsync("Mietlauf per Knopf", firstOfMonth, 12 * RentAccounts.Rent, arrivedOn: firstOfMonth);
        var client = await AdminAsync();
        var before = await factory.QueryAsync(db => db.RentRuns.MaxAsync(r => (int?)r.Id)) ?? 0;

        var response = await client.PostFormAsync(List, new Dictionary<string, string> { ["Confirmed"] = "true" }, "handler=Start");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe(List);
        var started = await client.GetPageAsync(List);
        started.QuerySelector(".kern-alert[role=status]")!.TextContent.ShouldBe(
            "Der Mietlauf ist gestartet und läuft im Hintergrund. Sein Fortschritt steht unten; sein Ergebnis erscheint in der Liste, sobald er fertig ist.");
        // The job runs on the scheduler's thread; the deadline only keeps a broken scheduler from hanging the suite.
        var run = await NestPortal.Web.Tests.Jobs.SchedulerHost.EventuallyAsync(
            () => factory.QueryAsync(db => db.RentRuns.AsNoTracking().Where(r => r.Id > before).OrderByDescending(r => r.Id).FirstOrDefaultAsync()),
            r => r?.FinishedAtUtc is not null, TimeSpan.FromMinutes(2), "the started rent run finished");
        run!.StartedBy.ShouldBe("Anton Admin");
        run.PaidThrough.ShouldBe(TestGroups.Today);
        run.AccountsToCheck.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(1);
        run.AccountsChecked.ShouldBe(run.AccountsToCheck!.Value);
        run.Payments.ShouldBeGreaterThanOrEqualTo(1);
        (await factory.EntriesAsync(sponsorship)).PaidMonths().ShouldBe([new DateOnly(TestGroups.Today.Year, TestGroups.Today.Month, 1)]);
        var details = await client.GetPageAsync($"/Admin/RentRuns/Details/{run.Id}");
        details.QuerySelector("[data-fact=accounts]")!.TextContent.ShouldBe(run.AccountsChecked.ToString("N0", German));
        details.QuerySelector("[data-fact=finished]")!.TextContent.ShouldNotContain("läuft");
    }

    [Fact]
    public async Task A_running_run_shows_its_progress_and_a_run_whose_process_died_is_shown_aborted()
    {
        var alive = new RentRun(TestGroups.Today, "Zeitplan", TestClock.UtcNow.AddSeconds(-30));
        alive.Begin(10, TestClock.UtcNow.AddSeconds(-30));
        for (var i = 0; i < 3; i++) alive.CountAccount();
        alive.Beat(TestClock.UtcNow.AddSeconds(-5));
        var dead = new RentRun(TestGroups.Today.AddDays(-1), "Zeitplan", TestClock.UtcNow.AddHours(-3));
        dead.Begin(10, TestClock.UtcNow.AddHours(-3));
        await factory.ExecuteAsync(async db => { db.RentRuns.AddRange(dead, alive); await db.SaveChangesAsync(); });
        var client = await AdminAsync();

        var page = await client.GetPageAsync(List);

        var rows = page.QuerySelectorAll("#rent-runs tbody tr").ToDictionary(r => r.GetAttribute("data-run")!, r => r.Children[1].TextContent.Trim());
        rows[alive.Id.ToString()].ShouldBe("läuft: 3 von 10 Konten geprüft");
        rows[dead.Id.ToString()].ShouldStartWith("abgebrochen: keine Rückmeldung seit ");
        var progress = page.QuerySelector("[data-progress-url]").ShouldNotBeNull();
        progress.GetAttribute("data-progress-url").ShouldBe($"/Admin/RentRuns/Details/{alive.Id}?handler=Status");
        progress.QuerySelector("progress")!.GetAttribute("value").ShouldBe("3");
        var status = await client.GetStringAsync($"/Admin/RentRuns/Details/{alive.Id}?handler=Status");
        status.ShouldContain("\"running\":true");
        status.ShouldContain("\"processed\":3");
        status.ShouldContain("\"total\":10");
        (await client.GetStringAsync($"/Admin/RentRuns/Details/{dead.Id}?handler=Status")).ShouldContain("\"running\":false");
        await factory.QueryAsync(db => db.RentRuns.Where(r => r.Id == alive.Id || r.Id == dead.Id).ExecuteDeleteAsync());
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
