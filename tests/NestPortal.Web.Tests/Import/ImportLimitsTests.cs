using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NestPortal.Data;
using NestPortal.Data.Operations;
using NestPortal.Web.Import;
using NestPortal.Web.Lookups;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Import;

/// <summary>Alone, after the parallel tests: the allocation bound below counts the whole process.</summary>
[CollectionDefinition(nameof(ImportLimitsTests), DisableParallelization = true)]
public sealed class ImportLimitsCollection;

/// <summary>
/// Bomb uploads through the dry run as the background job runs it: refused with a German finding, the import
/// invalid (discardable, not retried), nothing written, and the process's allocations bounded far below the
/// bomb's unpacked size. How far the guard reads is asserted in <see cref="ImportFileGuardTests"/>.
/// </summary>
[Collection(nameof(ImportLimitsTests))]
public sealed class ImportLimitsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>
    /// Everything the process allocates during one refused dry run: storing and loading the file (under 5 MB),
    /// the database round trips and the guard (under 16 MB, see the guard's tests), with room for what the host's
    /// own timers allocate meanwhile. The bombs unpack to 150–300 MB (twice that as .NET text); main's reader took
    /// the process from 277 MB to 2.3 GB on the 200 MB cell.
    /// </summary>
    private const long AllocationBound = 64L * 1024 * 1024;

    private async Task<(DataImport Import, ImportReport Report, long Allocated)> DryRunAsync(byte[] content, string fileName = "bombe.xlsx")
    {
        var id = await factory.StoreAsync(content, fileName);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await factory.RunAsync(id);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var (import, report) = await factory.ImportAsync(id);
        return (import, report, allocated);
    }

    [Fact]
    public async Task A_workbook_with_one_huge_cell_is_refused_with_the_cell_named()
    {
        var before = await factory.CountsAsync();

        var (import, report, allocated) = await DryRunAsync(ImportBombs.BigCell);

        import.Status.ShouldBe(DataImportStatus.Invalid);
        var error = report.Errors.ShouldHaveSingleItem();
        (error.Sheet, error.Row, error.Column).ShouldBe(("Familien", 2, "B2"));
        error.Text.De.ShouldBe("Die Zelle B2 im Blatt „Familien“ ist länger als 8.000 Zeichen; kein Feld des Imports ist so lang (am längsten ist das Konzept einer Gruppe). Bitte kürzen Sie den Text.");
        error.Text.En.ShouldBe("Cell B2 of the sheet \"Familien\" is longer than 8,000 characters; no field of the import is that long (the longest is a group's support plan). Please shorten the text.");
        allocated.ShouldBeLessThan(AllocationBound);
        (await factory.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_sheet_declaring_Excels_last_row_is_refused()
    {
        var (import, report, allocated) = await DryRunAsync(ImportBombs.LastRowDeclared);

        import.Status.ShouldBe(DataImportStatus.Invalid);
        report.Errors.ShouldHaveSingleItem().Text.De.ShouldBe("Das Blatt „Familien“ erklärt 1.048.576 Zeilen; erlaubt sind höchstens 20.000. Bitte teilen Sie die Daten auf mehrere Importe auf oder löschen Sie leere Zeilen am Ende des Blatts; es wurde nichts übernommen.");
        allocated.ShouldBeLessThan(AllocationBound);
    }

    [Fact]
    public async Task Three_million_empty_rows_are_refused_at_the_row_limit()
    {
        var (import, report, allocated) = await DryRunAsync(ImportBombs.EmptyRows);

        import.Status.ShouldBe(DataImportStatus.Invalid);
        var error = report.Errors.ShouldHaveSingleItem();
        error.Row.ShouldBe(20_002);
        error.Text.De.ShouldBe("Das Blatt „Familien“ hat mehr als 20.000 Zeilen (leere Zeilen mitgezählt). Bitte teilen Sie die Daten auf mehrere Importe auf oder löschen Sie leere Zeilen am Ende des Blatts; es wurde nichts übernommen.");
        allocated.ShouldBeLessThan(AllocationBound);
    }

    [Fact]
    public async Task A_csv_set_unpacking_to_300_MB_is_refused()
    {
        var (import, report, allocated) = await DryRunAsync(ImportBombs.BigCsv, "Familien.csv");

        import.Status.ShouldBe(DataImportStatus.Invalid);
        report.Errors.ShouldHaveSingleItem().Text.De.ShouldBe("Die Datei ist entpackt größer als 200 MB. Bitte teilen Sie die Daten auf mehrere Importe auf.");
        allocated.ShouldBeLessThan(AllocationBound);
    }

    [Fact]
    public async Task A_dry_run_past_its_time_budget_is_stopped_and_ends_invalid()
    {
        var id = await factory.StoreAsync(ImportSampleWorkbook.Valid(3, "BUDGET").ToXlsx());
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // A clock whose every timer is already due: the budget has run out before the first row.
        var runner = new ImportRunner(services.GetRequiredService<DbContextOptions<NestPortalDbContext>>(), new ExpiredTimers(),
            services.GetRequiredService<ImportTexts>(), services.GetRequiredService<Countries>(), services.GetRequiredService<ImportProgress>(),
            services.GetRequiredService<IConfiguration>(), services.GetRequiredService<ILogger<ImportRunner>>());

        await runner.RunAsync(id, CancellationToken.None);

        var (import, report) = await factory.ImportAsync(id);
        import.Status.ShouldBe(DataImportStatus.Invalid);
        report.Errors.ShouldHaveSingleItem().Text.De.ShouldBe("Die Probe hat länger als 300 Sekunden gedauert und wurde abgebrochen; es wurde nichts übernommen. Bitte teilen Sie die Daten auf mehrere Importe auf.");
    }

    /// <summary>The suite's clock, except that a timer fires the moment it is made.</summary>
    private sealed class ExpiredTimers : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TestClock.Instance.GetUtcNow();
        public override TimeZoneInfo LocalTimeZone => TestClock.Instance.LocalTimeZone;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            callback(state);
            return new Fired();
        }

        private sealed class Fired : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => false;
            public void Dispose() { }
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
