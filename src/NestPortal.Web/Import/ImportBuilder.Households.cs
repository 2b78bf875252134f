using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Common;
using NestPortal.Domain.Households;

namespace NestPortal.Web.Import;

public sealed partial class ImportBuilder
{
    private readonly Dictionary<string, HouseholdEntry> _households = new(StringComparer.Ordinal);
    private readonly HashSet<string> _referencesInPortal = new(StringComparer.OrdinalIgnoreCase);

    private sealed record HouseholdEntry(Household Household, bool IsNew);

    /// <summary>Household references already used by households entered in the portal (the Aktenzeichen is unique).</summary>
    private async Task FindPortalHouseholdsAsync(IEnumerable<string> references, CancellationToken cancellationToken)
    {
        foreach (var chunk in references.Chunk(500))
        {
            var taken = await db.Households.AsNoTracking().Where(h => chunk.Contains(h.Reference)).Select(h => h.Reference).ToListAsync(cancellationToken);
            _referencesInPortal.UnionWith(taken);
        }
    }

    private Task HouseholdRowAsync(ImportRow row, string reference)
    {
        var expected = row.Date("Erwartete Ankunft");
        if (_referencesInPortal.Contains(reference))
            row.Error(ImportSheets.Reference, l["Eine Familie mit dem Aktenzeichen {0} gibt es im Portal schon.", reference]);
        if (row.Failed) return Task.CompletedTask;
        try
        {
            var household = Household.Record(reference, expected, null, run.Today, run.NowUtc);
            // Added to the context once its persons are in (SaveHouseholdsAsync), in batches.
            _households[reference] = new HouseholdEntry(household, true);
            Record("Household", reference, () => household.Id);
        }
        catch (DomainException exception)
        {
            row.Error(null, exception);
        }

        return Task.CompletedTask;
    }

    private async Task PersonRowAsync(ImportRow row, string reference)
    {
        var householdReference = row.RequiredText("Familie");
        var nationality = CountryCode(row, "Staatsangehörigkeit", nationality: true);
        var firstCountry = CountryCode(row, "Erstaufnahmeland", nationality: false);
        var details = new RefugeeDetails(row.RequiredText("Vorname"), row.RequiredText("Nachname"), row.RequiredDate("Geburtsdatum"),
            row.Choice("Geschlecht", ImportWords.Sexes, required: true) ?? Sex.Unknown, nationality, firstCountry,
            row.RequiredDate("Aufnahmezusage am"), row.RequiredText("Aktenzeichen Aufnahmezusage"), row.Date("Visum am"), row.Date("Eingereist am"));
        var leftOn = row.Date("Ausgeschieden am");
        var reason = row.Choice("Grund des Ausscheidens", ImportWords.DepartureReasons, required: leftOn is not null);
        var note = row.Text("Bemerkung zum Ausscheiden");
        if (row.Failed) return;
        var entry = await HouseholdAsync(row, "Familie", householdReference);
        if (entry is null) return;

        try
        {
            var person = entry.Household.AddPerson(details, run.Today);
            Record("Person", reference, () => person.Id);
            if (leftOn is { } left) entry.Household.RecordDeparture(person, left, reason!.Value, note, run.Today);
        }
        catch (DomainException exception)
        {
            row.Error(null, exception);
        }
    }

    /// <summary>
    /// A country column as the portal shows countries: a code (SY, SYR) or a name in German or English
    /// (Syrien, SYRIA), see <see cref="Countries.Resolve"/>; stored as the alpha-2 code the forms store.
    /// </summary>
    private string CountryCode(ImportRow row, string column, bool nationality)
    {
        var text = row.RequiredText(column);
        if (text.Length == 0) return text;
        if (countries.Resolve(text, nationality) is { } country) return country.Code;
        row.Error(column, nationality
            ? l["„{0}“ ist keine Staatsangehörigkeit der Länderliste: bitte den Ländercode (z. B. SY oder SYR), den Namen auf Deutsch oder Englisch (z. B. Syrien oder Syria) oder „staatenlos“ angeben.", text]
            : l["„{0}“ ist kein Land der Länderliste: bitte den Ländercode (z. B. LB oder LBN) oder den Namen auf Deutsch oder Englisch (z. B. Libanon oder Lebanon) angeben.", text]);
        return text;
    }

    /// <summary>
    /// After the persons sheet the households of this file are complete: the commit adds and saves them in
    /// batches of <see cref="SaveEvery"/> (same transaction, the same audit entries), with what else is pending.
    /// </summary>
    private async Task SaveHouseholdsAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var entry in _households.Values.Where(h => h.IsNew))
        {
            if (!run.Commit) break;
            db.Households.Add(entry.Household);
            if (++added % SaveEvery == 0) await SaveBatchAsync(cancellationToken);
        }

        await SaveBatchAsync(cancellationToken);
    }

    /// <summary>The household a row names: one of this file, or one imported before (loaded once, with its persons and allocations).</summary>
    private async Task<HouseholdEntry?> HouseholdAsync(ImportRow row, string column, string reference)
    {
        if (_households.TryGetValue(reference, out var entry)) return entry;
        if (IsBrokenRowOf(ImportSheets.Households, reference)) return null;
        var id = await KnownOrEarlierAsync(ImportSheets.Households, reference);
        var household = id is { } householdId
            ? await db.Households.Include(h => h.Persons).Include(h => h.Allocations).AsSplitQuery().SingleOrDefaultAsync(h => h.Id == householdId)
            : null;
        if (household is null)
        {
            row.Error(column, l["Die Familie „{0}“ gibt es weder in dieser Datei noch aus einem früheren Import.", reference]);
            return null;
        }

        ChangesEarlierRecord();
        entry = new HouseholdEntry(household, false);
        _households[reference] = entry;
        return entry;
    }
}
