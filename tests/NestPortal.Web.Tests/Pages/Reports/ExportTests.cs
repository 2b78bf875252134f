using NestPortal.Web.Tests.Reports;
using System.Net;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Reports;

/// <summary>Who may download the report, and what a request the report cannot answer gets.</summary>
public sealed class ExportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Csv = "/Reports/Export?handler=Csv";
    private const string Xlsx = "/Reports/Export?handler=Xlsx";

    [Theory]
    [InlineData(Roles.CompetenceCentre, "csv", "text/csv")]
    [InlineData(Roles.Administrator, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task Staff_download_the_files_named_after_the_stichtag(string role, string handler, string mediaType)
    {
        var client = await factory.SignedInAsAsync(role);

        var response = await client.GetAsync($"/Reports/Export?handler={handler}&Stichtag=2021-06-25&FromYear=2019&ToYear=2021");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        if (handler == "csv") response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe($"erfolgsbilanz-2021-06-25.{handler}");
        (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task Without_a_stichtag_the_file_is_for_today()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.GetAsync(Csv);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"erfolgsbilanz-{TestGroups.Today.Iso()}.csv");
    }

    [Theory]
    [InlineData("Stichtag=kein-Datum", "„kein-Datum“ ist für Stichtag ungültig")]
    [InlineData("Stichtag=2021-06-25&FromYear=zwanzig", "„zwanzig“ ist für von Jahr ungültig")]
    [InlineData("Stichtag=2021-06-25&FromYear=2021&ToYear=2020", "Das letzte Jahr darf nicht vor dem ersten Jahr liegen.")]
    [InlineData("Stichtag=2018-12-31", "Der Stichtag muss im Jahr 2019 oder später liegen")]
    public async Task A_request_the_report_cannot_answer_gets_400_with_the_reason_in_german(string query, string message)
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        foreach (var handler in new[] { "Csv", "Xlsx" })
        {
            var response = await client.GetAsync($"/Reports/Export?handler={handler}&{query}");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            response.Content.Headers.ContentDisposition.ShouldBeNull();
            (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        }
    }

    [Fact]
    public async Task The_page_without_a_handler_leads_back_to_the_report_with_the_same_request()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        var response = await client.GetAsync("/Reports/Export?Stichtag=2021-06-25&FromYear=2019&ToYear=2021");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/Reports?Stichtag=2021-06-25&FromYear=2019&ToYear=2021");
    }
}
