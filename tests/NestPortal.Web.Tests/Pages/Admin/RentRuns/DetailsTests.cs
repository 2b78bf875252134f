using NestPortal.Web.Tests.RentRuns;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Operations;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Admin.RentRuns;

public sealed class DetailsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Details(int id) => $"/Admin/RentRuns/Details/{id}";

    private Task<HttpClient> AdminAsync() => factory.SignedInAsAsync(Roles.Administrator);

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
    public async Task A_runs_details_list_each_failing_account_with_its_reason()
    {
        var id = await FailedRunAsync();
        var client = await AdminAsync();

        var page = await client.GetPageAsync(Details(id));

        page.QuerySelector("[data-fact='accounts']")!.TextContent.ShouldBe("2");
        page.QuerySelector("[data-fact='failures']")!.TextContent.ShouldBe("1");
        var rows = page.TableRows();
        rows.ShouldHaveSingleItem();
        rows[0][0].ShouldBe("#4242");
        rows[0][1].ShouldBe("Das Guthaben von 100,00 € reicht für die Miete für 03.2024 (650,00 €) nicht aus.");
    }

    [Fact]
    public async Task An_unknown_run_is_not_found()
    {
        var client = await AdminAsync();

        await client.GetPageAsync(Details(987654), HttpStatusCode.NotFound);
    }
}
