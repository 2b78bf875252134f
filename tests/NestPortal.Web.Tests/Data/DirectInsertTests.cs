using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Households;
using NestPortal.Web.Import;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Data;

/// <summary>
/// The import's bulk path: audit entries inserted with multi-row statements (<see cref="NestPortalDbContext.WritesAuditEntriesDirectly"/>)
/// are stored exactly as the change tracker stores them (ADR 0006, ADR 0014).
/// </summary>
public sealed class DirectInsertTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }

    [Fact]
    public async Task Audit_entries_written_directly_are_stored_as_the_change_tracker_stores_them()
    {
        var now = new DateTime(2026, 6, 17, 7, 0, 0, 123, DateTimeKind.Utc).AddTicks(4567);
        var actor = new ImportAuditActor(new AuditActorInfo("admin-id", "Ada Admin (Import #1 „a.xlsx“)", "Administrator", "import-1"));
        var tracked = await SaveHouseholdAsync(directly: false, "Direct-A", now, actor);
        var direct = await SaveHouseholdAsync(directly: true, "Direct-B", now, actor);

        var expected = await StoredEntriesAsync(tracked);
        var actual = await StoredEntriesAsync(direct);
        // Three entries (the household and its two persons), identical but for the records' ids and the reference.
        actual.Count.ShouldBe(3);
        actual.ShouldBe(expected.Select(row => Rename(row, tracked, direct)).ToList());
    }

    [Fact]
    public async Task Audited_records_cannot_be_inserted_directly()
    {
        await factory.ExecuteAsync(async db =>
        {
            var household = Household.Record("Direct-C", null, null, TestGroups.Today, TestClock.UtcNow);
            await Should.ThrowAsync<InvalidOperationException>(() => DirectInsert.InsertAsync(db, [household]));
        });
    }

    private async Task<(int Household, int[] Persons, string Reference)> SaveHouseholdAsync(bool directly, string reference, DateTime now, IAuditActor actor)
    {
        var options = factory.Services.GetRequiredService<DbContextOptions<NestPortalDbContext>>();
        await using var db = new NestPortalDbContext(options, actor, new FixedClock(now)) { WritesAuditEntriesDirectly = directly };
        var household = Household.Record(reference, null, "Rollstuhl", TestGroups.Today, now);
        foreach (var name in new[] { "Amal", "Sami" })
            household.AddPerson(new RefugeeDetails(name, "Haddad", new DateOnly(1990, 1, 1), Sex.Female, "SY", "LB",
                TestGroups.Today.AddMonths(-6), "BAMF-1", null, null), TestGroups.Today);
        db.Households.Add(household);
        await db.SaveChangesAsync();
        return (household.Id, household.Persons.OrderBy(p => p.Id).Select(p => p.Id).ToArray(), reference);
    }

    /// <summary>Every stored column of the entries of a household and its persons, with SQLite's storage class of the time.</summary>
    private Task<List<string>> StoredEntriesAsync((int Household, int[] Persons, string Reference) saved) =>
        factory.QueryAsync(async db =>
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT quote(AtUtc) || typeof(AtUtc), quote(UserId), quote(UserName), quote(Role), quote(Action), quote(EntityType),
                       quote(EntityId), quote(Changes), quote(RequestId), quote(ParentType), quote(ParentId)
                FROM AuditEntries
                WHERE (EntityType = 'Household' AND EntityId = $h) OR (EntityType = 'Refugee' AND ParentId = $h)
                ORDER BY Id
                """;
            command.Parameters.AddWithValue("$h", saved.Household.ToString());
            var rows = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)));
            return rows;
        });

    /// <summary>The tracked household's entries as the second household's would read: its ids (entity, parent, the persons' link) and reference swapped.</summary>
    private static string Rename(string row, (int Household, int[] Persons, string Reference) from, (int Household, int[] Persons, string Reference) to)
    {
        var columns = row.Split(" | ");
        columns[6] = columns[5] == "'Household'"
            ? $"'{to.Household}'"
            : $"'{to.Persons[Array.IndexOf(from.Persons, int.Parse(columns[6].Trim('\''), System.Globalization.CultureInfo.InvariantCulture))]}'";
        if (columns[10] != "NULL") columns[10] = $"'{to.Household}'";
        columns[7] = columns[7].Replace(from.Reference, to.Reference)
            .Replace($"{{\"Field\":\"HouseholdId\",\"Old\":null,\"New\":\"{from.Household}\"}}", $"{{\"Field\":\"HouseholdId\",\"Old\":null,\"New\":\"{to.Household}\"}}");
        return string.Join(" | ", columns);
    }
}
