using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Banking;
using NestPortal.Domain.Households;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Localization;
using NestPortal.Web.Tests.Pages.Escrow;

namespace NestPortal.Web.Tests.Data;

/// <summary>The audit log under the pages: what a save writes, and that nothing can rewrite it.</summary>
public sealed class AuditTrailTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<List<AuditEntry>> EntriesAsync(string type, int id) =>
        factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == type && a.EntityId == id.ToString()).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task Creating_a_household_logs_the_household_and_each_person_with_their_generated_ids()
    {
        var id = await factory.CreateHouseholdAsync(persons: 2, specialNeedsNote: "Rollstuhl, Erdgeschoss nötig");
        var household = await factory.LoadHouseholdAsync(id);

        var entries = await EntriesAsync(nameof(Household), id);
        entries.ShouldHaveSingleItem().Action.ShouldBe(AuditAction.Created);
        var changes = JsonSerializer.Deserialize<List<FieldChange>>(entries[0].Changes!)!;
        changes.ShouldContain(c => c.Field == "Reference" && c.New == household.Reference);
        // Administrators read the log; the note is only for the competence centre.
        changes.Single(c => c.Field == "SpecialNeedsNote").New.ShouldBe("(vertraulich)");
        entries[0].UserName.ShouldBe("System");

        foreach (var person in household.Persons)
        {
            var created = (await EntriesAsync(nameof(Refugee), person.Id)).ShouldHaveSingleItem();
            created.Action.ShouldBe(AuditAction.Created);
            // The household's history finds its persons, also removed ones, by this parent.
            (created.ParentType, created.ParentId).ShouldBe(("Household", id.ToString()));
            // Saved together with the household: the entry names its real id, not EF's temporary one.
            JsonSerializer.Deserialize<List<FieldChange>>(created.Changes!)!
                .ShouldContain(new FieldChange("HouseholdId", null, id.ToString()));
        }
    }

    [Fact]
    public async Task A_change_logs_only_the_fields_that_changed_with_old_and_new_values()
    {
        var id = await factory.CreateHouseholdAsync(reference: "Audit-Alt");

        await factory.ExecuteAsync(async db =>
        {
            var household = await db.Households.Include(h => h.Persons).SingleAsync(h => h.Id == id);
            household.ChangeDetails("Audit-Neu", household.ExpectedArrival, null, TestGroups.Today);
            await db.SaveChangesAsync();
        });

        var change = (await EntriesAsync(nameof(Household), id)).Last();
        change.Action.ShouldBe(AuditAction.Changed);
        JsonSerializer.Deserialize<List<FieldChange>>(change.Changes!)!
            .ShouldHaveSingleItem().ShouldBe(new FieldChange("Reference", "Audit-Alt", "Audit-Neu"));
    }

    [Fact]
    public async Task A_match_logs_the_sponsorship_with_its_flat_and_escrow_account_as_its_own_fields()
    {
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), "Audit Gruppe");
        var household = await factory.CreateHouseholdAsync();

        var sponsorship = await factory.MatchAsync(group, household, rent: 612.50m);

        var entry = (await EntriesAsync("Sponsorship", sponsorship)).ShouldHaveSingleItem();
        var changes = JsonSerializer.Deserialize<List<FieldChange>>(entry.Changes!)!;
        changes.ShouldContain(new FieldChange("Apartment.MonthlyNetColdRent", null, "612.50"));
        // The account's IBAN and holder are personal: the log names the fields, not their values (ADR 0014).
        changes.ShouldContain(new FieldChange("EscrowAccount.Iban", null, "(vertraulich)"));
        entry.Changes!.ShouldNotContain(TestHouseholds.ValidIban);
    }

    [Fact]
    public async Task The_application_refuses_to_change_or_delete_an_audit_entry()
    {
        await factory.CreateHouseholdAsync();

        await Should.ThrowAsync<InvalidOperationException>(() => factory.ExecuteAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task The_database_itself_refuses_updates_and_deletes_of_the_log()
    {
        await factory.CreateHouseholdAsync();

        var update = await Should.ThrowAsync<SqliteException>(() => factory.QueryAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET UserName = 'x'")));
        update.Message.ShouldContain("immutable");
        await Should.ThrowAsync<SqliteException>(() => factory.QueryAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries")));
    }

    [Fact]
    public async Task Bank_records_refuse_every_change_but_the_retention_erasure_of_their_personal_fields()
    {
        var sponsorship = await factory.SponsorshipAsync("Unveränderliches Konto");
        var data = new StatementData(TestHouseholds.ValidIban, "S1", "camt.053.001.08", TestClock.Today, TestClock.Today, null, 100m, TestClock.Today,
            [new BankEntryData("K1", 100m, TestClock.Today, TestClock.Today, false, "Erika Muster", "DE75512108001245126199", "Miete Familie Haddad", "E2E-1")]);
        var statement = BankStatement.Receive(sponsorship, data, "auszug Haddad.xml", [1, 2, 3], new HashSet<string>(), TestHouseholds.Clerk, TestClock.UtcNow);
        await factory.ExecuteAsync(db => db.BankStatements.Add(statement));

        // A figure may not change, alone or hidden in an erasure.
        await Should.ThrowAsync<InvalidOperationException>(() => factory.ExecuteAsync(async db =>
        {
            var entry = await db.BankEntries.SingleAsync(e => e.SponsorshipId == sponsorship);
            db.Entry(entry).Property(e => e.Amount).CurrentValue = 1m;
            await db.SaveChangesAsync();
        }));
        await Should.ThrowAsync<InvalidOperationException>(() => factory.ExecuteAsync(async db =>
        {
            var stored = await db.BankStatements.SingleAsync(s => s.SponsorshipId == sponsorship);
            stored.EraseIdentifyingData();
            db.Entry(stored).Property(s => s.ClosingBalance).CurrentValue = 0m;
            await db.SaveChangesAsync();
        }));
        await Should.ThrowAsync<InvalidOperationException>(() => factory.ExecuteAsync(async db =>
        {
            db.BankEntries.Remove(await db.BankEntries.SingleAsync(e => e.SponsorshipId == sponsorship));
            await db.SaveChangesAsync();
        }));

        await factory.ExecuteAsync(async db =>
        {
            BankEntry.EraseIdentifyingData(await db.BankEntries.Where(e => e.SponsorshipId == sponsorship).ToListAsync());
            (await db.BankStatements.SingleAsync(s => s.SponsorshipId == sponsorship)).EraseIdentifyingData();
            await db.SaveChangesAsync();
        });

        var erased = await factory.QueryAsync(db => db.BankEntries.AsNoTracking().SingleAsync(e => e.SponsorshipId == sponsorship));
        (erased.Amount, erased.CounterpartyName, erased.CounterpartyIban, erased.Reference).ShouldBe((100m, "", (string?)null, ""));
        var changed = (await EntriesAsync(nameof(BankStatement), statement.Id)).Last();
        changed.Action.ShouldBe(AuditAction.Changed);
        var fields = JsonSerializer.Deserialize<List<FieldChange>>(changed.Changes!)!;
        fields.Select(f => f.Field).ShouldBe([nameof(BankStatement.FileName), nameof(BankStatement.Content)], ignoreOrder: true);
        fields.ShouldAllBe(f => f.Old == "(vertraulich)" && f.New == "(vertraulich)", "the erased values are personal: the log keeps neither");
    }

    [Fact]
    public void No_code_bypasses_the_log_with_bulk_updates()
    {
        var src = Path.Combine(LocalizationKeys.FindRepositoryRoot(), "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains("Migrations"))
            .Where(f => BulkStatements(File.ReadAllLines(f)).Any(statement => !OperationalSets.Any(statement.Contains)))
            .ToList();
        offenders.ShouldBeEmpty("ExecuteUpdate/ExecuteDelete skip the change tracker and so the audit log (ADR 0006)");
    }

    /// <summary>
    /// Operational records outside the audit (an import's progress and its uploaded file, expired import files and job records, the
    /// outbox's lease on a mail, a person's messages marked read): bulk updates of them hide nothing from the log; the import's progress
    /// must not go through the tracker, and the outbox's claim must be one conditional UPDATE so that two instances never both win.
    /// </summary>
    private static readonly string[] OperationalSets =
        ["db.DataImports.", "db.DataImportFiles.", "ExpiredImportFiles(", "ExpiredJobRecords(", "db.OutgoingMails", "db.PortalMessages."];

    /// <summary>Each bulk call (not a comment) with the two lines before it, where a fluent statement names its set.</summary>
    private static IEnumerable<string> BulkStatements(string[] lines) =>
        lines.Select((line, i) => (line, i))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal)) // a comment that names them
            .Where(x => x.line.Contains("ExecuteUpdate") || x.line.Contains("ExecuteDelete"))
            .Select(x => string.Join("\n", lines[Math.Max(0, x.i - 2)..(x.i + 1)]));
}
