using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Data.Operations;
using NestPortal.Development.Import;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Import;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.Escrow;

namespace NestPortal.Web.Tests.Writers;

/// <summary>
/// An import commits in staged slices and switches them visible in one short transaction (ADR 0022): other
/// writers get their turn between slices, nobody sees half an import, and a failure leaves nothing behind.
/// </summary>
[Collection(nameof(BusyWriterTests))]
public sealed class ImportSliceTests(WriterPortalFactory factory) : IClassFixture<WriterPortalFactory>
{
    /// <summary>More groups than one slice holds (200), so the commit has several.</summary>
    private const int Groups = 230;

    private static readonly Ags Koeln = Ags.Parse("05315000");

    private static Dictionary<string, string> Deposit(string amount) => new()
    {
        ["Input.Amount"] = amount,
        ["Input.ValueDate"] = TestGroups.Today.Iso(),
        ["Input.BankReference"] = "SEPA Gutschrift Patenschaft",
    };

    private Task<int> StagedRowsAsync() =>
        factory.QueryAsync(async db =>
            await db.MentoringGroups.IgnoreQueryFilters().CountAsync(g => EF.Property<int?>(g, ImportStaging.Column) != null)
            + await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.PendingImportId != null)
            + await db.EscrowEntries.IgnoreQueryFilters().CountAsync(e => EF.Property<int?>(e, ImportStaging.Column) != null));

    [Fact]
    public async Task A_deposit_during_an_import_commit_is_booked_and_sees_none_of_the_import_until_it_switches()
    {
        var id = await factory.SponsorshipAsync("Einzahlung Während Import");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var form = await client.OpenFormAsync($"/Escrow/Deposit/{id}");
        var (import, report) = await factory.DryRunAsync(ImportSampleWorkbook.Valid(Groups, "SLICE").ToXlsx());
        report.ErrorCount.ShouldBe(0, report.Describe());
        var before = await factory.CountsAsync();

        HttpStatusCode? deposit = null;
        Dictionary<string, int>? seen = null;
        var staged = 0;
        factory.Slices.AfterFirstSlice = async () =>
        {
            deposit = (await client.SubmitAsync($"/Escrow/Deposit/{id}", form, Deposit("400,00"))).StatusCode;
            seen = await factory.CountsAsync();
            staged = await StagedRowsAsync();
        };
        var (committed, _) = await factory.CommitAsync(import.Id);

        deposit.ShouldBe(HttpStatusCode.Redirect, "the deposit was booked between two slices of the commit");
        staged.ShouldBeGreaterThan(0, "the first slice was written");
        seen!["MentoringGroups"].ShouldBe(before["MentoringGroups"], "staged groups are in no query");
        seen["Mentors"].ShouldBe(before["Mentors"]);
        committed.Status.ShouldBe(DataImportStatus.Committed);
        (await factory.EntriesAsync(id)).ShouldHaveSingleItem().Amount.ShouldBe(400m);
        var after = await factory.CountsAsync();
        after["MentoringGroups"].ShouldBe(before["MentoringGroups"] + Groups);
        (await factory.QueryAsync(db => db.Municipalities.Where(m => m.Ags == Koeln).Select(m => m.SafeHarbourDeclaredOn).SingleAsync()))
            .ShouldBe(new DateOnly(2019, 12, 12), "the Sicherer-Hafen decision is recorded at the switch");
        (await StagedRowsAsync()).ShouldBe(0, "the switch made every staged row visible");
    }

    [Fact]
    public async Task A_commit_failing_after_a_slice_deletes_what_it_staged()
    {
        var (import, report) = await factory.DryRunAsync(ImportSampleWorkbook.Valid(Groups, "KAPUTT").ToXlsx());
        report.ErrorCount.ShouldBe(0, report.Describe());
        var before = await factory.CountsAsync();
        var stagedBefore = 0;
        factory.Slices.AfterFirstSlice = async () =>
        {
            stagedBefore = await StagedRowsAsync();
            throw new InvalidOperationException("Injected failure after the first slice.");
        };

        var (failed, failure) = await factory.CommitAsync(import.Id);

        failed.Status.ShouldBe(DataImportStatus.Failed);
        failure.Failure!.De.ShouldStartWith("Die Übernahme ist fehlgeschlagen und wurde vollständig zurückgenommen; es wurde nichts geschrieben.");
        stagedBefore.ShouldBeGreaterThan(0);
        (await StagedRowsAsync()).ShouldBe(0);
        (await factory.CountsAsync()).ShouldBe(before);
    }
}
