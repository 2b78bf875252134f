using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Households;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Households;

/// <summary>One line of a household's history: who did what when, and the fields it changed, readable.</summary>
public sealed record HistoryLine(DateTime AtUtc, string UserName, string What, IReadOnlyList<string> Changes);

/// <summary>
/// A household's history, read from the audit log: the household's own entries, its persons' (also
/// those removed since) and its allocation decisions, newest first, at most <see cref="Limit"/>.
/// </summary>
public sealed class HouseholdHistory(NestPortalDbContext db, IStringLocalizer l, Countries countries)
{
    public const int Limit = 50;

    /// <summary>Bookkeeping the log keeps but a reader needs not see.</summary>

    public async Task<(IReadOnlyList<HistoryLine> Lines, bool More)> LoadAsync(Household household)
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

        var names = household.Persons.ToDictionary(p => p.Id.ToString(CultureInfo.InvariantCulture), p => p.DisplayName);
        var lines = entries.Take(Limit).Select(e => new HistoryLine(e.AtUtc, e.UserName, What(e, names), Changes(e))).ToList();
        return (lines, entries.Count > Limit);
    }

    private string What(AuditEntry entry, Dictionary<string, string> names)
    {
        var record = entry.EntityType switch
        {
            nameof(Household) => l["Familie"].Value,
            nameof(Allocation) => l["Zuweisungsentscheidung"].Value,
            _ => names.TryGetValue(entry.EntityId, out var name) ? name : l["Person Nr. {0}", entry.EntityId].Value,
        };
        // The action words are the audit log's own, so both pages say the same.
        return $"{record}: {AuditTexts.Action(l, entry.Action)}";
    }

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
