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

    [Theory]
    [InlineData("de-DE", "Stichtag {0:dd.MM.yyyy}", "Jahresreihe", "Nach Gemeinde", "Gemeindeschlüssel")]
    [InlineData("en", "Reference date {0:d MMMM yyyy}", "Yearly series", "By municipality", "Municipality key")]
    public async Task The_workbook_names_every_sheet_in_full_states_the_stichtag_and_keeps_the_AGS_as_text(
        string culture, string stichtagLine, string firstSheet, string municipalitySheet, string agsHeader)
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var stichtag = string.Format(System.Globalization.CultureInfo.GetCultureInfo(culture), stichtagLine, TestGroups.Today);

        var sheets = ExportFiles.ReportSheets(await client.GetByteArrayAsync(
            $"/Reports/Export?handler=Xlsx&Stichtag={TestGroups.Today.Iso()}&FromYear=2019&culture={culture}"));

        var names = sheets.Select(s => s.Name).ToList();
        names.Count.ShouldBe(12);
        names.ShouldAllBe(n => n.Length <= 31 && !n.EndsWith('…'), "named on purpose, never a cut title");
        names.Distinct(StringComparer.OrdinalIgnoreCase).Count().ShouldBe(names.Count);
        names[0].ShouldBe(firstSheet);
        foreach (var (name, heading, rows) in sheets)
        {
            heading[2].ShouldBe(stichtag, name);
            heading[0].ShouldNotBeNullOrWhiteSpace(name);
        }

        var municipalities = sheets.Single(s => s.Name == municipalitySheet).Rows;
        var column = municipalities[0].Single(c => c.Value as string == agsHeader).Key;
        var codes = municipalities.Skip(1).Select(r => r[column]).Where(v => v is not null).ToList();
        codes.ShouldNotBeEmpty("the demo's households are allocated");
        codes.ShouldAllBe(v => v is string && ((string)v).Length == 8 && ((string)v).StartsWith("05"));
    }

    [Fact]
    public async Task The_csv_writes_the_AGS_so_that_German_Excel_keeps_its_leading_zero()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var tables = ExportFiles.CsvTables(await client.GetByteArrayAsync($"/Reports/Export?handler=Csv&Stichtag={TestGroups.Today.Iso()}&FromYear=2019"));

        var municipalities = tables.Single(t => t.Title == "Nach Gemeinde");
        var column = Array.IndexOf(municipalities.Headers, "Gemeindeschlüssel");
        var codes = municipalities.Rows.Select(r => r[column]).Where(c => c.Length > 0).ToList();
        codes.ShouldNotBeEmpty();
        codes.ShouldAllBe(c => System.Text.RegularExpressions.Regex.IsMatch(c, "^=\"05[0-9]{6}\"$"));
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
