using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Common;
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
        var municipality = await db.Municipalities.SingleAsync(m => m.Ags == key);
        try
        {
            municipality.RecordSafeHarbourDecision(decidedOn, run.Today);
            Record("Municipality", reference, () => int.Parse(key.Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (DomainException exception)
        {
            row.Error("Sicherer Hafen seit", exception);
        }
    }

    private Task BeforeSheetAsync(ImportSheet sheet, SheetLayout layout, CancellationToken cancellationToken) =>
        sheet == ImportSheets.Households ? FindPortalHouseholdsAsync(layout.FirstRowOf.Keys, cancellationToken) : Task.CompletedTask;
}
