using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Households;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Households;

/// <summary>
/// One line of a household's history: who did what to which record when, and the fields it changed,
/// readable; the record links to its place on the household's page while it is there.
/// </summary>
public sealed record HistoryLine(DateTime AtUtc, string UserName, string Record, string? Anchor, string Action, IReadOnlyList<string> Changes);

/// <summary>
/// A household's history, read from the audit log: the household's own entries, its persons' (also
/// those removed since) and its allocation decisions, newest first, at most <see cref="Limit"/>.
/// </summary>
public sealed class HouseholdHistory(NestPortalDbContext db, IStringLocalizer l, Countries countries)
{
    public const int Limit = 50;

    public async Task<(IReadOnlyList<HistoryLine> Lines, bool More)> LoadAsync(Household household, Func<Ags, string> municipalityName)
    {
        var householdId = household.Id.ToString(CultureInfo.InvariantCulture);
        // The household's own entries and those of its parts (persons, also removed ones, and
        // allocations), found by the parent the audit log records. Views are not changes: they would
        // push the changes out of this list, and administrators read them in the audit log.
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(Household) && a.EntityId == householdId)
                        || (a.ParentType == nameof(Household) && a.ParentId == householdId))
            .Where(a => a.Action != AuditAction.Viewed)
            .OrderByDescending(a => a.Id)
            .Take(Limit + 1)
            .ToListAsync();

        // Everything named here is on the household's page already: no query per line.
        var persons = household.Persons.ToDictionary(p => p.Id.ToString(CultureInfo.InvariantCulture));
        var allocations = household.Allocations.ToDictionary(a => a.Id.ToString(CultureInfo.InvariantCulture));
        var lines = entries.Take(Limit).Select(e =>
        {
            var (record, anchor) = Record(e, household, persons, allocations, municipalityName);
            // The action words are the audit log's own, so both pages say the same.
            return new HistoryLine(e.AtUtc, e.UserName, record, anchor, AuditTexts.Action(l, e.Action), Changes(e));
        }).ToList();
        return (lines, entries.Count > Limit);
    }

    /// <summary>The record by name (a person by theirs, a decision by its municipality); one removed since by its number.</summary>
    private (string Name, string? Anchor) Record(AuditEntry entry, Household household, Dictionary<string, Refugee> persons,
        Dictionary<string, Allocation> allocations, Func<Ags, string> municipalityName) => entry.EntityType switch
    {
        nameof(Household) => (l["Familie {0}", household.Reference], null),
        nameof(Allocation) when allocations.TryGetValue(entry.EntityId, out var allocation) =>
            (l["Zuweisung an {0}", municipalityName(allocation.MunicipalityAgs)], "#allocation-heading"),
        nameof(Allocation) => (l["Zuweisungsentscheidung"], null),
        _ when persons.TryGetValue(entry.EntityId, out var person) => (person.DisplayName, $"#person-{person.Id}"),
        _ => (l["Person Nr. {0}", entry.EntityId], null),
    };

    private List<string> Changes(AuditEntry entry)
    {
        if (entry.Changes is null) return [];
        var changes = System.Text.Json.JsonSerializer.Deserialize<List<FieldChange>>(entry.Changes) ?? [];
        return changes.Where(c => !AuditTexts.HiddenFields.Contains(c.Field))
            .Select(c => entry.Action == AuditAction.Created
                ? $"{AuditTexts.Field(l, c.Field)}: {Show(entry.EntityType, c.Field, c.New)}"
                : $"{AuditTexts.Field(l, c.Field)}: {Show(entry.EntityType, c.Field, c.Old)} → {Show(entry.EntityType, c.Field, c.New)}")
            .ToList();
    }

    /// <summary>Country codes by name (staff may read a person's data); everything else as the log page shows it.</summary>
    private string Show(string entityType, string field, string? value) =>
        field is "NationalityCode" or "FirstRefugeCountryCode" && value is { Length: 2 }
            ? countries.Name(value)
            : AuditTexts.Value(l, entityType, field, value);
}
