using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Operations;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Import;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.RentRuns;

namespace NestPortal.Web.Tests.Import;

/// <summary>
/// The programme's history taken over in one import (docs/import.md, "History is fact"): rules of a
/// decision taken back then are warnings, sponsorships end on their own days, and the rent run continues
/// only what the imported ledger has not paid.
/// </summary>
public sealed class ImportHistoryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<ImportReport> CommittedAsync(ImportSampleWorkbook book)
    {
        var (import, report) = await factory.DryRunAsync(book.ToXlsx());
        report.ErrorCount.ShouldBe(0, report.Describe());
        import.Status.ShouldBe(DataImportStatus.Checked);
        var (committed, _) = await factory.CommitAsync(import.Id);
        committed.Status.ShouldBe(DataImportStatus.Committed);
        return report;
    }

    private Task<Sponsorship> ImportedSponsorshipAsync(string reference) => factory.QueryAsync(async db =>
    {
        var id = await db.ImportedRecords.Where(r => r.Kind == "Sponsorship" && r.ExternalReference == reference).Select(r => r.EntityId).SingleAsync();
        return await db.Sponsorships.AsNoTracking().AsSplitQuery().SingleAsync(s => s.Id == id);
    });

    [Fact]
    public async Task A_group_below_the_staffing_of_its_rules_is_a_warning_on_its_row_and_commits()
    {
        var book = ImportSampleWorkbook.Valid(1, "WARN");
        book["Mitglieder"].RemoveAt(3);

        var report = await CommittedAsync(book);

        var warning = report.Warnings.ShouldHaveSingleItem();
        (warning.Sheet, warning.Row).ShouldBe(("Gruppen", 2));
        warning.Text.De.ShouldBe("Die Gruppe hat 3 Mitglieder; nach den Regeln „NesT Regelprogramm“ braucht sie mindestens 4.");
        warning.Text.En.ShouldNotBe(warning.Text.De);
        (await factory.QueryAsync(db => db.MentoringGroups.SingleAsync(g => g.Name == "Importgruppe WARN 1"))).Status.ShouldBe(GroupStatus.Approved);
    }

    [Fact]
    public async Task A_group_sponsors_again_after_its_first_sponsorship_was_completed_on_its_own_day()
    {
        var book = ImportSampleWorkbook.Valid(2, "AGAIN");
        var (first, second) = (book["Patenschaften"][0], book["Patenschaften"][1]);
        first["Ende"] = "abgeschlossen";
        first["Beendet am"] = "30.06.2024";
        second["Gruppe"] = "AGAIN-G1";
        second["Vermittelt am"] = "01.07.2024";
        second["Mietbeginn"] = "01.07.2024";
        book["Buchungen"][3]["Mietmonat"] = "07.2024";
        book["Buchungen"][3]["Wertstellung"] = "03.07.2024";

        var report = await CommittedAsync(book);

        report.WarningCount.ShouldBe(0);
        var completed = await ImportedSponsorshipAsync("AGAIN-P1");
        completed.Status.ShouldBe(SponsorshipStatus.Completed);
        completed.CompletedOn.ShouldBe(new DateOnly(2024, 6, 30));
        (await ImportedSponsorshipAsync("AGAIN-P2")).Status.ShouldBe(SponsorshipStatus.Running);
    }

    [Fact]
    public async Task A_group_supporting_two_families_at_once_is_a_warning_under_a_maximum_of_one_and_commits()
    {
        var book = ImportSampleWorkbook.Valid(2, "BOTH");
        book["Patenschaften"][1]["Gruppe"] = "BOTH-G1";
        book["Patenschaften"][1]["Vermittelt am"] = "02.05.2023";

        var report = await CommittedAsync(book);

        var warning = report.Warnings.ShouldHaveSingleItem();
        (warning.Sheet, warning.Row, warning.Column).ShouldBe(("Patenschaften", 3, "Vermittelt am"));
        warning.Text.De.ShouldStartWith("Die Gruppe „Importgruppe BOTH 1“ begleitet am 02.05.2023 bereits eine Familie");
        (await ImportedSponsorshipAsync("BOTH-P2")).Status.ShouldBe(SponsorshipStatus.Running);
    }

    [Fact]
    public async Task A_dissolved_group_hands_the_support_on_and_its_sponsorship_is_completed_on_the_day_the_records_name()
    {
        var book = ImportSampleWorkbook.Valid(1, "DISS");
        var row = book["Patenschaften"][0];
        row["Ende"] = "aufgelöst";
        row["Beendet am"] = "15.09.2023";
        row["Weitergeführt von"] = "Caritas Dortmund";
        row["Abgeschlossen am"] = "31.07.2024";

        await CommittedAsync(book);

        var group = await factory.QueryAsync(db => db.MentoringGroups.SingleAsync(g => g.Name == "Importgruppe DISS 1"));
        group.Status.ShouldBe(GroupStatus.Dissolved);
        group.DissolvedOn.ShouldBe(new DateOnly(2023, 9, 15));
        var sponsorship = await ImportedSponsorshipAsync("DISS-P1");
        sponsorship.ContinuedSupportBy.ShouldBe("Caritas Dortmund");
        sponsorship.CompletedOn.ShouldBe(new DateOnly(2024, 7, 31));
    }

    [Fact]
    public async Task The_rent_run_continues_a_running_import_from_its_first_unpaid_month_and_leaves_a_completed_one_as_imported()
    {
        var book = ImportSampleWorkbook.Valid(2, "RUN");
        book["Buchungen"].Add(new()
        {
            ["Referenz"] = "RUN-P1-E3", ["Patenschaft"] = "RUN-P1", ["Art"] = "Miete", ["Wertstellung"] = "02.06.2023", ["Mietmonat"] = "06.2023",
        });
        book["Patenschaften"][1]["Ende"] = "abgeschlossen";
        book["Patenschaften"][1]["Beendet am"] = "31.05.2024";
        await CommittedAsync(book);
        var running = await ImportedSponsorshipAsync("RUN-P1");
        var completed = await ImportedSponsorshipAsync("RUN-P2");
        var completedEntries = await factory.EntriesAsync(completed.Id);

        await factory.RunRentAsync(new DateOnly(2023, 9, 10));
        await factory.RunRentAsync(new DateOnly(2023, 9, 10));

        var payments = (await factory.EntriesAsync(running.Id)).Where(e => e.Kind == EscrowEntryKind.RentPayment).ToList();
        payments.Select(p => p.RentMonth!.Value.Month).ShouldBe([5, 6, 7, 8, 9]);
        payments.Take(2).Select(p => p.ValueDate).ShouldBe([new DateOnly(2023, 5, 3), new DateOnly(2023, 6, 2)]);
        payments.Skip(2).ShouldAllBe(p => p.ValueDate == new DateOnly(2023, 9, 10));
        (await factory.EntriesAsync(completed.Id)).Select(e => (e.Kind, e.Amount, e.ValueDate)).ShouldBe(completedEntries.Select(e => (e.Kind, e.Amount, e.ValueDate)));
        (await ImportedSponsorshipAsync("RUN-P2")).CompletedOn.ShouldBe(new DateOnly(2024, 5, 31));
    }
}
