using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Data.Operations;
using NestPortal.Domain.Common;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Programme;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Import;

/// <summary>
/// Reads every sheet of an import in the order of docs/import.md and builds the records in memory with
/// the same domain methods the forms use, so a row passes the import only if it would pass the portal.
/// The builder adds new aggregates to the context; the dry run never saves it, the commit does (in one
/// transaction, see <see cref="ImportRunner"/>). Rows imported before are counted and left alone.
/// </summary>
public sealed partial class ImportBuilder(NestPortalDbContext db, ImportSource source, ImportReport report, ImportTexts l, Countries countries, ImportRun run)
{
    private readonly Dictionary<ImportSheet, SheetLayout> _layouts = [];
    private readonly List<(string Kind, string Reference, Func<int> EntityId)> _created = [];
    private HashSet<Ags> _nrw = [];
    private List<ProgrammeRuleSet> _ruleSets = [];

    /// <summary>Where a sheet is in the file, how its headers map, its references and which of them were imported before.</summary>
    private sealed class SheetLayout(string fileSheetName, Dictionary<string, string> headerOf)
    {
        public string FileSheetName => fileSheetName;
        public Dictionary<string, string> HeaderOf => headerOf;
        public Dictionary<string, int> FirstRowOf { get; } = new(StringComparer.Ordinal);
        public HashSet<int> DuplicateRows { get; } = [];
        public Dictionary<string, int> Known { get; } = new(StringComparer.Ordinal);
        public int Rows { get; set; }
    }


    /// <summary>Checks the file's structure, then every row. False when the structure alone stops the import.</summary>
    public async Task<bool> BuildAsync(CancellationToken cancellationToken)
    {
        _nrw = (await db.Municipalities.AsNoTracking().Select(m => m.Ags).ToListAsync(cancellationToken)).ToHashSet();
        _ruleSets = await db.RuleSets.AsNoTracking().ToListAsync(cancellationToken);
        if (!await ReadStructureAsync(cancellationToken)) return false;
        run.Progress.Total = _layouts.Values.Sum(s => s.Rows);
        await run.Progress.FlushAsync();

        await ApplyAsync(ImportSheets.Municipalities, MunicipalityRowAsync, cancellationToken);
        await ApplyAsync(ImportSheets.Groups, GroupRowAsync, cancellationToken);
        await ApplyAsync(ImportSheets.Members, MemberRowAsync, cancellationToken);
        await FinishGroupsAsync(cancellationToken);
        await ApplyAsync(ImportSheets.Households, HouseholdRowAsync, cancellationToken);
        await ApplyAsync(ImportSheets.Persons, PersonRowAsync, cancellationToken);
        // The match stores the group's and the household's ids: the commit saves them first (same transaction).
        await SaveHouseholdsAsync(cancellationToken);
        await ApplyAsync(ImportSheets.Sponsorships, SponsorshipRowAsync, cancellationToken);
        await FinishSponsorshipsAsync(cancellationToken);
        await SaveBatchAsync(cancellationToken);
        await ApplyAsync(ImportSheets.Allocations, AllocationRowAsync, cancellationToken);
        FinishAllocations();
        await SaveBatchAsync(cancellationToken);
        await ApplyAsync(ImportSheets.Entries, EntryRowAsync, cancellationToken);
        await FinishEntriesAndEndingsAsync(cancellationToken);
        // The groups, households and sponsorships are complete: no later sheet refers to them.
        _groups.Clear();
        _households.Clear();
        _sponsorships.Clear();
        await ApplyAsync(ImportSheets.Outreach, OutreachRowAsync, cancellationToken);
        await run.Progress.FlushAsync();
        return true;
    }

    private async Task<bool> ReadStructureAsync(CancellationToken cancellationToken)
    {
        foreach (var name in source.SheetNames)
        {
            var sheet = ImportSheets.Find(name);
            if (sheet is null)
            {
                report.AddError(name, 0, null, l["Unbekanntes Blatt „{0}“; erlaubt sind: {1}.", name, string.Join(", ", ImportSheets.All.Select(s => s.Name))]);
                continue;
            }

            if (_layouts.ContainsKey(sheet))
            {
                report.AddError(name, 0, null, l["Das Blatt „{0}“ ist mehrfach in der Datei.", sheet.Name]);
                continue;
            }

            var (headerOf, missing, unknown) = ImportHeaders.Match(sheet, source.Headers(name));
            foreach (var column in missing)
                report.AddError(sheet.Name, 1, column.German, l["Die Spalte „{0}“ fehlt.", column.German]);
            foreach (var header in unknown)
                report.AddWarning(sheet.Name, 1, header, l["Die Spalte „{0}“ ist unbekannt und wird nicht übernommen.", header]);
            if (missing.Count > 0) continue;
            _layouts[sheet] = new SheetLayout(name, headerOf);
        }

        if (source.SheetNames.Count == 0)
            report.AddError(string.Empty, 0, null, l["Die Datei enthält keine Blätter."]);
        if (report.ErrorCount > 0) return false;

        var withinLimits = true;
        foreach (var (sheet, layout) in _layouts)
        {
            if (CountRows(sheet, layout, cancellationToken)) await FindKnownAsync(sheet, layout, cancellationToken);
            else withinLimits = false;
        }

        return withinLimits;
    }

    /// <summary>Counts the rows and finds missing and repeated references; stops at the row limit.</summary>
    private bool CountRows(ImportSheet sheet, SheetLayout layout, CancellationToken cancellationToken)
    {
        var number = 1;
        foreach (var cells in source.Rows(layout.FileSheetName))
        {
            number++;
            cancellationToken.ThrowIfCancellationRequested();
            var row = Row(sheet, layout, number, cells);
            if (row.IsEmpty) continue;
            if (++layout.Rows > run.MaxRowsPerSheet)
            {
                report.AddError(sheet.Name, number, null, l["Das Blatt „{0}“ hat mehr als {1} Zeilen. Bitte teilen Sie die Daten auf mehrere Importe auf; es wurde nichts übernommen.", sheet.Name, run.MaxRowsPerSheet.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("de-DE"))]);
                return false;
            }

            var reference = ReferenceOf(sheet, row);
            if (reference.Length == 0)
            {
                row.Error(sheet.ReferenceColumn, l["Die Spalte „{0}“ ist leer; sie muss ausgefüllt sein.", sheet.ReferenceColumn]);
                layout.DuplicateRows.Add(number);
            }
            else if (reference.Length > ImportedRecord.ReferenceMaxLength)
            {
                row.Error(sheet.ReferenceColumn, l["Die Referenz darf höchstens {0} Zeichen lang sein.", ImportedRecord.ReferenceMaxLength]);
                layout.DuplicateRows.Add(number);
            }
            else if (layout.FirstRowOf.TryGetValue(reference, out var first))
            {
                row.Error(sheet.ReferenceColumn, l["Die Referenz „{0}“ steht in diesem Blatt mehrfach (zuerst in Zeile {1}).", reference, first]);
                layout.DuplicateRows.Add(number);
            }
            else
            {
                layout.FirstRowOf[reference] = number;
            }
        }

        return true;
    }

    private async Task FindKnownAsync(ImportSheet sheet, SheetLayout layout, CancellationToken cancellationToken)
    {
        foreach (var chunk in layout.FirstRowOf.Keys.Chunk(500))
        {
            var known = await db.ImportedRecords.AsNoTracking()
                .Where(r => r.Kind == sheet.Kind && chunk.Contains(r.ExternalReference))
                .Select(r => new { r.ExternalReference, r.EntityId }).ToListAsync(cancellationToken);
            foreach (var record in known) layout.Known[record.ExternalReference] = record.EntityId;
        }
    }

    /// <summary>Runs <paramref name="apply"/> for every new row of a sheet; rows imported before are only counted.</summary>
    private async Task ApplyAsync(ImportSheet sheet, Func<ImportRow, string, Task> apply, CancellationToken cancellationToken)
    {
        if (!_layouts.TryGetValue(sheet, out var layout)) return;
        var counts = report.Sheet(sheet.Name);
        counts.Rows = layout.Rows;
        await BeforeSheetAsync(sheet, layout, cancellationToken);
        var number = 1;
        foreach (var cells in source.Rows(layout.FileSheetName))
        {
            number++;
            cancellationToken.ThrowIfCancellationRequested();
            var row = Row(sheet, layout, number, cells);
            if (row.IsEmpty) continue;
            await run.Progress.RowDoneAsync();
            if (layout.DuplicateRows.Contains(number)) continue;
            var reference = ReferenceOf(sheet, row);
            if (layout.Known.ContainsKey(reference))
            {
                counts.Known++;
                continue;
            }

            counts.New++;
            await apply(row, reference);
        }
    }

    private ImportRow Row(ImportSheet sheet, SheetLayout layout, int number, IReadOnlyDictionary<string, object?> cells) =>
        new(sheet, number, cells, layout.HeaderOf, report, l, _nrw);

    /// <summary>The Kommunen sheet is keyed by the AGS (a lost leading zero restored); every other sheet by its Referenz.</summary>
    private static string ReferenceOf(ImportSheet sheet, ImportRow row)
    {
        var reference = row.Reference;
        if (sheet == ImportSheets.Municipalities && reference.Length == 7 && reference.All(char.IsAsciiDigit)) reference = "0" + reference;
        return reference;
    }

    /// <summary>The id a reference of an earlier import became, or null.</summary>
    private async Task<int?> EarlierAsync(string kind, string reference) =>
        await db.ImportedRecords.AsNoTracking().Where(r => r.Kind == kind && r.ExternalReference == reference)
            .Select(r => (int?)r.EntityId).FirstOrDefaultAsync();

    /// <summary>The id of a record a reference names that this file does not create: found by this file's dry run or an earlier import.</summary>
    private async Task<int?> KnownOrEarlierAsync(ImportSheet sheet, string reference)
    {
        if (_layouts.TryGetValue(sheet, out var layout) && layout.Known.TryGetValue(reference, out var known)) return known;
        return await EarlierAsync(sheet.Kind, reference);
    }

    /// <summary>Whether this file has a row for the reference whose own errors keep it from being built (no second error for it).</summary>
    private bool IsBrokenRowOf(ImportSheet sheet, string reference) =>
        _layouts.TryGetValue(sheet, out var layout) && layout.FirstRowOf.ContainsKey(reference) && !layout.Known.ContainsKey(reference);

    /// <summary>
    /// The commit saves what is built so far (inside its one transaction) while no row has failed, writes the
    /// imported-record references of the records just saved, and lets go of the change tracker: a record
    /// changed later is attached again first (<see cref="Track"/>). The dry run saves nothing; it only lets
    /// go of the tracker, which it never needed.
    /// </summary>
    private async Task SaveBatchAsync(CancellationToken cancellationToken = default)
    {
        if (!run.Commit)
        {
            db.ChangeTracker.Clear();
            return;
        }

        if (report.ErrorCount > 0) return;
        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Saves what the commit built since the last save with its audit entries, then the imported-record
    /// references of the records now saved (not audited, never read back in this transaction: written
    /// directly), and clears the change tracker. The caller's transaction holds it all.
    /// </summary>
    public async Task SaveAsync(CancellationToken cancellationToken = default)
    {
        if (!run.Commit) throw new InvalidOperationException("The dry run saves nothing.");
        try
        {
            // A staged commit (ADR 0022) has no transaction around the build: each save is a short one of its own,
            // a slice, and the writer is free between slices. The one-transaction commit saves inside its own.
            await using var slice = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await db.SaveChangesAsync(cancellationToken);
            var created = _created.Select(c => new ImportedRecord(c.Kind, c.Reference, c.EntityId(), run.ImportId)).ToList();
            _created.Clear();
            await DirectInsert.InsertAsync(db, created, cancellationToken);
            if (slice is not null) await slice.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A failed save is not a file that cannot be read (the reader's exceptions include InvalidOperationException).
            throw new ImportSaveException(exception);
        }
    }

    /// <summary>
    /// Attaches a record the commit saved before (and let go of) before it is changed again, so the next
    /// save finds the change against the saved state. The dry run tracks nothing: it never saves.
    /// </summary>
    private void Track(object record)
    {
        if (run.Commit && db.Entry(record).State == EntityState.Detached) db.Attach(record);
    }

    /// <summary>Only the commit writes references; the dry run would hold every record built only for them.</summary>
    private void Record(string kind, string reference, Func<int> entityId)
    {
        if (run.Commit) _created.Add((kind, reference, entityId));
    }

    /// <summary>
    /// A row names a record saved before this file (an earlier import's group, household or sponsorship): the
    /// dry run notes it, so the commit runs in one transaction; a staged commit, which writes new records only,
    /// stops before it changes such a record.
    /// </summary>
    private void ChangesEarlierRecord()
    {
        report.ChangesEarlierRecords = true;
        if (db.StagingImportId is not null) throw new ImportChangesEarlierRecordsException();
    }

    private void DomainErrors(ImportSheet sheet, int row, string? column, DomainException exception)
    {
        foreach (var error in exception.Errors) report.AddError(sheet.Name, row, column, l.Of(error));
    }
}

/// <summary>A save of the commit failed (in the middle of reading the file, for the batches): the transaction is rolled back.</summary>
public sealed class ImportSaveException(Exception inner) : Exception("The import's commit failed to save.", inner);

/// <summary>A staged commit met a row changing a record saved before, which the dry run had not found: nothing is switched.</summary>
public sealed class ImportChangesEarlierRecordsException() : Exception("The file changes records saved before; the staged commit stops and discards what it staged.");
