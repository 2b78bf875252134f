using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Operations;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Import;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Import;

public sealed class ImportCommitTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_clean_dry_run_commits_every_row_with_audit_entries_naming_the_import()
    {
        var book = ImportSampleWorkbook.Valid(3, "COM");
        var before = await factory.CountsAsync();
        var (checkedImport, checkedReport) = await factory.DryRunAsync(book.ToXlsx());
        checkedReport.ErrorCount.ShouldBe(0, checkedReport.Describe());

        var (import, _) = await factory.CommitAsync(checkedImport.Id, "Ada Admin");

        import.Status.ShouldBe(DataImportStatus.Committed);
        var after = await factory.CountsAsync();
        (after["MentoringGroups"] - before["MentoringGroups"]).ShouldBe(3);
        (after["Mentors"] - before["Mentors"]).ShouldBe(12);
        (after["Households"] - before["Households"]).ShouldBe(3);
        (after["Refugees"] - before["Refugees"]).ShouldBe(6);
        (after["Sponsorships"] - before["Sponsorships"]).ShouldBe(3);
        (after["Allocations"] - before["Allocations"]).ShouldBe(3);
        (after["EscrowEntries"] - before["EscrowEntries"]).ShouldBe(6);
        (after["OutreachEvents"] - before["OutreachEvents"]).ShouldBe(1);
        // The Kommunen row names Köln in every test's file: only the first import takes it.
        (after["ImportedRecords"] - before["ImportedRecords"]).ShouldBe(checkedReport.NewRows);
        checkedReport.NewRows.ShouldBeGreaterThanOrEqualTo(book.RowCount - 1);

        var group = await factory.QueryAsync(db => db.MentoringGroups.Include(g => g.Members).SingleAsync(g => g.Name == "Importgruppe COM 1"));
        group.Status.ShouldBe(GroupStatus.Approved);
        group.SubmittedOn.ShouldBe(new DateOnly(2023, 3, 1));
        var balance = await factory.QueryAsync(db => db.Sponsorships.Where(s => s.GroupId == group.Id).Select(s => s.Entries.Sum(e => e.Amount)).SingleAsync());
        balance.ShouldBe(7800m - 650m);
        var fileLeft = await factory.QueryAsync(db => db.DataImportFiles.AnyAsync(f => f.DataImportId == import.Id));
        fileLeft.ShouldBeFalse();

        var actors = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.RequestId == $"import-{import.Id}").Select(a => a.UserName).Distinct().ToListAsync());
        actors.ShouldBe([$"Ada Admin (Import #{import.Id} „bestand.xlsx“)"]);
        var audited = await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.RequestId == $"import-{import.Id}" && a.EntityType == nameof(Sponsorship)));
        audited.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task The_same_file_twice_is_recognised_and_writes_nothing_new()
    {
        var content = ImportSampleWorkbook.Valid(2, "TWICE").ToXlsx();
        var (first, _) = await factory.DryRunAsync(content);
        await factory.CommitAsync(first.Id);
        var before = await factory.CountsAsync();

        var (second, report) = await factory.DryRunAsync(content);

        report.ErrorCount.ShouldBe(0, report.Describe());
        report.NewRows.ShouldBe(0);
        report.KnownRows.ShouldBe(second.TotalRows);
        var (committed, _) = await factory.CommitAsync(second.Id);
        committed.Status.ShouldBe(DataImportStatus.Committed);
        var after = await factory.CountsAsync();
        after.Where(c => c.Key != "AuditEntries").ShouldBe(before.Where(c => c.Key != "AuditEntries"));
    }

    [Fact]
    public async Task A_later_file_adds_rows_to_records_imported_earlier()
    {
        var (first, _) = await factory.DryRunAsync(ImportSampleWorkbook.Valid(1, "LATER").ToXlsx());
        await factory.CommitAsync(first.Id);
        var later = new ImportSampleWorkbook();
        later["Buchungen"].Add(new()
        {
            ["Referenz"] = "LATER-P1-E3", ["Patenschaft"] = "LATER-P1", ["Art"] = "Korrektur", ["Wertstellung"] = "04.05.2023",
            ["Verwendungszweck"] = "Doppelt gebucht", ["Korrigiert"] = "LATER-P1-E2",
        });

        var (second, report) = await factory.DryRunAsync(later.ToXlsx());
        report.ErrorCount.ShouldBe(0, report.Describe());
        await factory.CommitAsync(second.Id);

        var entries = await factory.QueryAsync(db => db.Sponsorships.Where(s => s.Apartment.Street == "Hauptstraße 1" && s.EscrowAccount.AccountHolder == "Importgruppe LATER 1")
            .SelectMany(s => s.Entries).CountAsync());
        entries.ShouldBe(3);
    }

    [Fact]
    public async Task A_csv_set_with_and_without_byte_order_mark_commits_like_the_workbook()
    {
        var (import, report) = await factory.DryRunCsvAsync(ImportSampleWorkbook.Valid(1, "CSV"));
        report.ErrorCount.ShouldBe(0, report.Describe());
        (report.NewRows + report.KnownRows).ShouldBe(ImportSampleWorkbook.Valid(1, "CSV").RowCount);
        report.KnownRows.ShouldBeLessThanOrEqualTo(1);

        var (committed, _) = await factory.CommitAsync(import.Id);
        committed.Status.ShouldBe(DataImportStatus.Committed);
        (await factory.QueryAsync(db => db.MentoringGroups.CountAsync(g => g.Name == "Importgruppe CSV 1"))).ShouldBe(1);
    }
}
