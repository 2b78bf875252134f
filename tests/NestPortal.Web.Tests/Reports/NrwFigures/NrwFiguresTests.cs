using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Web.Reports;
using NestPortal.Web.Tests.ImportSample;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Reports.NrwFigures;

/// <summary>
/// The import sample, imported through the documented import, yields the NRW government's published
/// figures in every output of the yearly report: the screen, the answers page, the CSV and the XLSX.
/// </summary>
public class NrwFiguresTests(NrwSampleFixture sample) : IClassFixture<NrwSampleFixture>
{
    private HttpClient Administrator => sample.Administrator;

    [Fact]
    public async Task The_sample_imports_without_errors_and_writes_every_row()
    {
        sample.FirstImport.Status.ShouldBe("Committed", string.Join("; ", sample.FirstImport.DryRunPage.Errors()));
        var imported = await sample.Factory.QueryAsync(db => db.ImportedRecords.GroupBy(r => r.Kind)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        imported["Group"].ShouldBe(21);
        imported["Member"].ShouldBe(105);
        imported["Household"].ShouldBe(23);
        imported["Person"].ShouldBe(104);
        imported["Sponsorship"].ShouldBe(22);
        imported["Allocation"].ShouldBe(23);
        imported["EscrowEntry"].ShouldBe(402);
        imported["Outreach"].ShouldBe(6);
        var safeHarbours = await sample.Factory.QueryAsync(db => db.Municipalities.CountAsync(m => m.SafeHarbourDeclaredOn != null));
        safeHarbours.ShouldBe(8);
    }

    [Fact]
    public void The_sample_commits_with_warnings_only_the_second_family_of_a_group_at_once()
    {
        var warnings = sample.FirstImport.DryRunPage.QuerySelectorAll("#import-warnings tbody tr")
            .Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();

        var warning = warnings.ShouldHaveSingleItem();
        warning[..3].ShouldBe(["Patenschaften", "23", "Vermittelt am"]);
        warning[3].ShouldStartWith("Die Gruppe „Nachbarschaftskreis Wuppertal-Ostersbaum“ begleitet am 04.04.2022 bereits eine Familie");
    }

    [Fact]
    public async Task Sponsorships_of_the_history_end_on_their_own_days_and_the_report_counts_them_there()
    {
        var completed = await sample.Factory.QueryAsync(db => db.Sponsorships.Where(s => s.CompletedOn != null)
            .Select(s => s.CompletedOn!.Value).ToListAsync());
        completed.Order().ShouldBe([new DateOnly(2021, 9, 6), new DateOnly(2021, 10, 5), new DateOnly(2021, 11, 5), new DateOnly(2022, 2, 7),
            new DateOnly(2022, 10, 5), new DateOnly(2022, 12, 5), new DateOnly(2022, 12, 5)]);
        var dissolved = await sample.Factory.QueryAsync(db => db.MentoringGroups.CountAsync(g => g.DissolvedOn == new DateOnly(2020, 9, 30)));
        dissolved.ShouldBe(1);

        await using var scope = sample.Factory.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<AnnualReportQuery>()
            .RunAsync(new ReportRequest(NrwFigures.January2023.Stichtag, ReportRequest.FirstProgrammeYear, 2023));
        report.Years.ToDictionary(y => y.Year, y => y.SponsorshipsCompleted)
            .ShouldBe(new Dictionary<int, int> { [2019] = 0, [2020] = 0, [2021] = 3, [2022] = 4, [2023] = 0 });
    }

    [Theory]
    [MemberData(nameof(NrwFigures.Stichtage), MemberType = typeof(NrwFigures))]
    public async Task Report_query_yields_the_published_figures(string stichtag)
    {
        var expected = NrwFigures.ByStichtag[stichtag];
        await using var scope = sample.Factory.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<AnnualReportQuery>()
            .RunAsync(new ReportRequest(expected.Stichtag, ReportRequest.FirstProgrammeYear, expected.Stichtag.Year));

        report.Years.ToDictionary(y => y.Year, y => y.GroupsTookOnCosts).ShouldBe(expected.GroupsTookOnCosts);
        report.Years.ToDictionary(y => y.Year, y => y.RefugeesArrived).ShouldBe(expected.RefugeesArrived);
        report.Year(expected.Stichtag.Year).ArrivedCumulative.ShouldBe(expected.ArrivedCumulative);
        report.AtStichtag.ShouldBe(new StichtagFigures(expected.ArrivedCumulative, expected.InProgramme, expected.EscrowBalance));
    }

    [Theory]
    [MemberData(nameof(NrwFigures.Stichtage), MemberType = typeof(NrwFigures))]
    public async Task Report_on_screen_shows_the_published_figures(string stichtag)
    {
        var expected = NrwFigures.ByStichtag[stichtag];
        var page = await Administrator.GetPageAsync($"/Reports/Index?{expected.Query}");
        var series = ReportOutputs.ScreenYearlySeries(page);
        ReportOutputs.ShouldMatch(series, expected);
    }

    [Theory]
    [MemberData(nameof(NrwFigures.Stichtage), MemberType = typeof(NrwFigures))]
    public async Task Answers_page_shows_the_published_figures(string stichtag)
    {
        var expected = NrwFigures.ByStichtag[stichtag];
        var page = await Administrator.GetPageAsync($"/Reports/Answers?{expected.Query}");
        ReportOutputs.ShouldShowAnswers(page, expected);
    }

    [Theory]
    [MemberData(nameof(NrwFigures.Stichtage), MemberType = typeof(NrwFigures))]
    public async Task Csv_export_holds_the_published_figures(string stichtag)
    {
        var expected = NrwFigures.ByStichtag[stichtag];
        var bytes = await Administrator.GetByteArrayAsync($"/Reports/Export?handler=Csv&{expected.Query}");
        ReportOutputs.ShouldMatch(ReportOutputs.CsvYearlySeries(bytes), expected);
        ReportOutputs.CsvEscrowBalance(bytes).ShouldBe(expected.EscrowBalance);
    }

    [Theory]
    [MemberData(nameof(NrwFigures.Stichtage), MemberType = typeof(NrwFigures))]
    public async Task Xlsx_export_holds_the_published_figures(string stichtag)
    {
        var expected = NrwFigures.ByStichtag[stichtag];
        var bytes = await Administrator.GetByteArrayAsync($"/Reports/Export?handler=Xlsx&{expected.Query}");
        ReportOutputs.ShouldMatch(ReportOutputs.XlsxYearlySeries(bytes), expected);
    }

    [Fact]
    public async Task Importing_the_same_files_again_changes_nothing()
    {
        var before = await RowCountsAsync();
        var again = await Administrator.ImportAsync(ImportSampleFiles.CsvFiles());
        again.Status.ShouldBe("Committed", string.Join("; ", again.DryRunPage.Errors()));
        (await RowCountsAsync()).ShouldBe(before);

        // The workbook holds the same references: its dry run finds nothing new either.
        var workbookId = await SampleImport.UploadAsync(Administrator, [(ImportSampleFiles.WorkbookName, File.ReadAllBytes(ImportSampleFiles.WorkbookPath))]);
        (await SampleImport.WaitAsync(Administrator, workbookId)).ShouldBe("Checked");
        (await RowCountsAsync()).ShouldBe(before);

        var page = await Administrator.GetPageAsync($"/Reports/Index?{NrwFigures.June2021.Query}");
        ReportOutputs.ShouldMatch(ReportOutputs.ScreenYearlySeries(page), NrwFigures.June2021);
    }

    /// <summary>Rows of every table the import writes to (the import's own bookkeeping aside).</summary>
    private Task<Dictionary<string, int>> RowCountsAsync() => sample.Factory.QueryAsync(async db => new Dictionary<string, int>
    {
        ["MentoringGroups"] = await db.MentoringGroups.CountAsync(),
        ["Mentors"] = await db.MentoringGroups.SelectMany(g => g.Members).CountAsync(),
        ["Households"] = await db.Households.CountAsync(),
        ["Refugees"] = await db.Households.SelectMany(h => h.Persons).CountAsync(),
        ["Sponsorships"] = await db.Sponsorships.CountAsync(),
        ["Allocations"] = await db.Households.SelectMany(h => h.Allocations).CountAsync(),
        ["EscrowEntries"] = await db.Sponsorships.SelectMany(s => s.Entries).CountAsync(),
        ["OutreachEvents"] = await db.OutreachEvents.CountAsync(),
        ["SafeHarbours"] = await db.Municipalities.CountAsync(m => m.SafeHarbourDeclaredOn != null),
        ["ImportedRecords"] = await db.ImportedRecords.CountAsync(),
    });
}
