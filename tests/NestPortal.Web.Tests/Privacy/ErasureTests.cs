using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.ImportSample;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Reports;

namespace NestPortal.Web.Tests.Privacy;

/// <summary>
/// The erasure after the retention periods on the imported NRW history (completed 2021–2023; on the
/// tests' day, 17.06.2026, the households completed before 17.06.2023 are due under the 36 months):
/// the report of every Stichtag is the same before and after, in every output; the erased names and
/// dates of birth are gone from the database file's bytes; a second run changes nothing; the log still
/// says who changed a household when.
/// </summary>
public sealed class ErasureTests
{
    private static readonly string[] Stichtage = ["2021-06-25", "2021-12-31", "2022-06-29", "2022-12-31", "2023-01-20", TestClock.Today.Iso()];

    [Fact]
    public async Task Erasure_keeps_every_report_and_leaves_no_trace_of_the_erased()
    {
        await using var factory = new PortalFactory { DemoHistory = false };
        using var administrator = await factory.SignedInAsAsync(Roles.Administrator);
        await administrator.ImportAsync(ImportSampleFiles.CsvFiles());
        await administrator.GetPageAsync("/Admin/Jobs"); // takes the import's status message, which would show on the next page
        var before = await ReportsAsync(administrator);

        var plan = await administrator.GetPageAsync("/Admin/Retention");
        var dueReferences = plan.QuerySelectorAll("#due-households tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        dueReferences.ShouldNotBeEmpty("the sample's early sponsorships are past their retention period");
        var erased = await factory.QueryAsync(db => db.Households.Where(h => dueReferences.Contains(h.Reference))
            .SelectMany(h => h.Persons).Select(p => new { p.GivenName, p.FamilyName, p.DateOfBirth }).ToListAsync());
        var keptHouseholds = await factory.QueryAsync(db => db.Households.CountAsync(h => !dueReferences.Contains(h.Reference)));
        keptHouseholds.ShouldBeGreaterThan(0, "later sponsorships are kept");
        var watchedHousehold = await factory.QueryAsync(db => db.Households.Where(h => h.Reference == dueReferences[0]).Select(h => h.Id).SingleAsync());

        var response = await administrator.PostFormAsync("/Admin/Retention", new Dictionary<string, string> { ["Input.Confirmed"] = "true" });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var after = await administrator.GetPageAsync("/Admin/Retention");
        after.QuerySelector("[role=status], .kern-alert--success")?.TextContent.ShouldContain($"Gelöscht: {dueReferences.Count} {(dueReferences.Count == 1 ? "Familie" : "Familien")}");
        after.QuerySelector("[data-fact=nothing-due]").ShouldNotBeNull("everything due was erased");

        // The same figures, table by table, in every output.
        var afterReports = await ReportsAsync(administrator);
        foreach (var stichtag in Stichtage)
        {
            afterReports[stichtag].Screen.ShouldBe(before[stichtag].Screen, $"screen, Stichtag {stichtag}");
            afterReports[stichtag].Csv.ShouldBe(before[stichtag].Csv, $"CSV, Stichtag {stichtag}");
            afterReports[stichtag].Xlsx.ShouldBe(before[stichtag].Xlsx, $"XLSX, Stichtag {stichtag}");
            afterReports[stichtag].Answers.ShouldBe(before[stichtag].Answers, $"answers, Stichtag {stichtag}");
        }

        // The records keep only what the report counts.
        var persons = await factory.QueryAsync(db => db.Households.Where(h => dueReferences.Contains(h.Reference)).SelectMany(h => h.Persons).ToListAsync());
        persons.ShouldAllBe(p => p.ErasedOn != null && p.GivenName == "" && p.FamilyName == "" && p.AgeAtArrival != null);
        var streets = await factory.QueryAsync(db => db.Sponsorships.Where(s => db.Households.Any(h => h.Id == s.HouseholdId && dueReferences.Contains(h.Reference)))
            .Select(s => s.Apartment.Street).ToListAsync());
        streets.ShouldAllBe(s => s == "");

        // No trace in the file: the names and dates of birth of the erased are not in the database or its WAL.
        SqliteConnectionPoolClear();
        var bytes = FileBytes(factory.DatabasePath);
        var kept = await StillHeldTextAsync(factory);
        var checkedValues = 0;
        foreach (var person in erased)
        {
            foreach (var name in new[] { person.GivenName, person.FamilyName }.Where(n => !kept.Contains(n)))
            {
                Contains(bytes, name).ShouldBeFalse($"the erased name „{name}“ is still in the database file");
                checkedValues++;
            }

            var born = person.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (person.DateOfBirth is not { Month: 1, Day: 1 } && !kept.Contains(born))
            {
                Contains(bytes, born).ShouldBeFalse($"the erased date of birth {born} is still in the database file");
                checkedValues++;
            }
        }

        checkedValues.ShouldBeGreaterThan(erased.Count, "most erased names and dates are the erased persons' own");

        // A second run finds nothing and writes nothing.
        var entries = await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType != "AuditLog"));
        (await administrator.PostWithTokenAsync("/Admin/Retention", new Dictionary<string, string> { ["Input.Confirmed"] = "true" }))
            .StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await administrator.GetPageAsync("/Admin/Retention")).QuerySelector("main")!.TextContent.ShouldContain("Es war nichts zu löschen.");
        (await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType != "AuditLog"))).ShouldBe(entries);

        // The log still answers "who changed household N when", the erasure included.
        var history = await administrator.GetPageAsync($"/Admin/Audit?entityType=Household&entityId={watchedHousehold}");
        var rows = history.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBeGreaterThanOrEqualTo(2, "created by the import, changed by the erasure");
        rows[0].ShouldContain("Geändert");
    }

    /// <summary>The scheduled job does the same as the page: started by hand on /Admin/Jobs, it erases what is due.</summary>
    [Fact]
    public async Task The_erasure_job_erases_what_is_due()
    {
        await using var factory = new PortalFactory { DemoHistory = false };
        var group = await factory.GroupAsync("Auftragsgruppe");
        var (householdId, sponsorshipId) = await factory.SponsoredAsync(group, new DateOnly(2021, 3, 1), persons: 2);
        await factory.SqlAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE Sponsorships SET Status = 'Completed', CompletedOn = '2022-03-31' WHERE Id = {sponsorshipId}"));
        using var administrator = await factory.SignedInAsAsync(Roles.Administrator);

        var started = await administrator.PostFormAsync("/Admin/Jobs", new Dictionary<string, string> { ["Job"] = "erasure", ["Confirmed"] = "true" },
            actionContains: "handler=Run");

        started.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var runs = await NestPortal.Web.Tests.Jobs.SchedulerHost.EventuallyAsync(
            () => factory.QueryAsync(db => db.JobExecutions.Where(e => e.JobName == "erasure" && e.FinishedAtUtc != null).ToListAsync()),
            all => all.Count > 0, TimeSpan.FromMinutes(2), "the erasure started by hand");
        runs.ShouldHaveSingleItem().Outcome.ShouldBe(NestPortal.Data.Operations.JobOutcome.Succeeded);
        (await factory.QueryAsync(db => db.Households.Where(h => h.Id == householdId).Select(h => h.ErasedOn).SingleAsync())).ShouldBe(TestClock.Today);
    }

    private sealed record Outputs(string Screen, string Csv, string Xlsx, string Answers);

    private static async Task<Dictionary<string, Outputs>> ReportsAsync(HttpClient client)
    {
        var result = new Dictionary<string, Outputs>();
        foreach (var stichtag in Stichtage)
        {
            var query = $"Stichtag={stichtag}&FromYear=2019&ToYear={stichtag[..4]}";
            var screen = (await client.GetPageAsync($"/Reports?{query}")).QuerySelector("main")!.TextContent;
            var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/Reports/Export?handler=Csv&{query}"));
            var xlsx = string.Join("\n", ExportFiles.Sheets(await client.GetByteArrayAsync($"/Reports/Export?handler=Xlsx&{query}"))
                .SelectMany(s => s.Rows).Select(r => string.Join(";", r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))));
            var answers = (await client.GetPageAsync($"/Reports/Answers?{query}")).QuerySelector("main")!.TextContent;
            result[stichtag] = new Outputs(screen, csv, xlsx, answers);
        }

        return result;
    }

    /// <summary>Every text value the portal still legitimately holds outside the erased records (a name a kept person shares).</summary>
    private static Task<HashSet<string>> StillHeldTextAsync(PortalFactory factory) => factory.QueryAsync(async db =>
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in await db.Refugees.Where(r => r.ErasedOn == null).Select(r => new { r.GivenName, r.FamilyName, r.DateOfBirth }).ToListAsync())
        {
            kept.Add(p.GivenName);
            kept.Add(p.FamilyName);
            kept.Add(p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        foreach (var m in await db.Set<NestPortal.Domain.MentoringGroups.Mentor>().Select(m => new { m.GivenName, m.FamilyName }).ToListAsync())
        {
            if (m.GivenName is not null) kept.Add(m.GivenName);
            if (m.FamilyName is not null) kept.Add(m.FamilyName);
        }

        // Dates the history holds for other reasons (arrivals, bookings, decisions) may coincide with a birthday.
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT ArrivedOn FROM Refugees UNION SELECT LeftOn FROM Refugees UNION SELECT AdmissionDecisionDate FROM Refugees
            UNION SELECT ValueDate FROM EscrowEntries UNION SELECT DecisionDate FROM Allocations UNION SELECT EffectiveDate FROM Allocations
            UNION SELECT MatchedOn FROM Sponsorships UNION SELECT CompletedOn FROM Sponsorships UNION SELECT ExpectedArrival FROM Households
            UNION SELECT DateOfBirth FROM Mentors UNION SELECT TrainingDate FROM Mentors UNION SELECT SubmittedOn FROM MentoringGroups
            """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            if (!reader.IsDBNull(0)) kept.Add(reader.GetString(0));
        return kept;
    });

    private static void SqliteConnectionPoolClear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    private static byte[] FileBytes(string databasePath) =>
        new[] { databasePath, databasePath + "-wal" }.Where(File.Exists)
            .SelectMany(path =>
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                return memory.ToArray();
            }).ToArray();

    private static bool Contains(byte[] haystack, string text) =>
        text.Length > 0 && haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
