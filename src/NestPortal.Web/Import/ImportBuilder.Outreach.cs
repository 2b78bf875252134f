using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Common;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Outreach;

namespace NestPortal.Web.Import;

public sealed partial class ImportBuilder
{
    private Task OutreachRowAsync(ImportRow row, string reference)
    {
        var heldOn = row.RequiredDate("Datum");
        var title = row.RequiredText("Titel");
        var kind = row.Choice("Art", ImportWords.OutreachKinds, required: true);
        var invited = row.MunicipalityList("Eingeladen");
        var informed = row.MunicipalityList("Informiert");
        var note = row.Text("Notiz");
        if (row.Failed || kind is not { } outreachKind) return Task.CompletedTask;
        try
        {
            var outreach = OutreachEvent.Record(heldOn, title, outreachKind, note, invited, informed, run.Today, run.Actor, run.NowUtc);
            db.OutreachEvents.Add(outreach);
            Record("Outreach", reference, () => outreach.Id);
        }
        catch (DomainException exception)
        {
            row.Error(null, exception);
        }

        return Task.CompletedTask;
    }

    /// <summary>The Kommunen sheet: a council's Sicherer-Hafen decision; the record's id is the AGS as a number.</summary>
    private async Task MunicipalityRowAsync(ImportRow row, string reference)
    {
        var ags = row.Municipality("AGS");
        var decidedOn = row.RequiredDate("Sicherer Hafen seit");
        if (row.Failed || ags is not { } key) return;
        // A staged commit leaves the municipality as it is until the switch: the decision is checked on a copy
        // now and recorded on the saved row in the switch's transaction (ADR 0022).
        var staged = db.StagingImportId is not null;
        var municipality = staged
            ? await db.Municipalities.AsNoTracking().SingleAsync(m => m.Ags == key)
            : await db.Municipalities.SingleAsync(m => m.Ags == key);
        try
        {
            municipality.RecordSafeHarbourDecision(decidedOn, run.Today);
            if (staged) _safeHarbours.Add((key, decidedOn));
            Record("Municipality", reference, () => int.Parse(key.Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (DomainException exception)
        {
            row.Error("Sicherer Hafen seit", exception);
        }
    }

    private readonly List<(Ags Ags, DateOnly DecidedOn)> _safeHarbours = [];

    /// <summary>The switch of a staged commit: the Sicherer-Hafen decisions of the file, on the saved rows, tracked to be saved with the switch.</summary>
    public async Task RecordSafeHarboursAsync(CancellationToken cancellationToken)
    {
        foreach (var (ags, decidedOn) in _safeHarbours)
        {
            var municipality = await db.Municipalities.SingleAsync(m => m.Ags == ags, cancellationToken);
            municipality.RecordSafeHarbourDecision(decidedOn, run.Today);
        }

        _safeHarbours.Clear();
    }

    private Task BeforeSheetAsync(ImportSheet sheet, SheetLayout layout, CancellationToken cancellationToken) =>
        sheet == ImportSheets.Households ? FindPortalHouseholdsAsync(layout.FirstRowOf.Keys, cancellationToken) : Task.CompletedTask;
}
