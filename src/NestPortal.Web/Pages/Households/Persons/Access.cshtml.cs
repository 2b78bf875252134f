using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Web.AccessRequests;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Households.Persons;

/// <summary>
/// The competence centre answers one refugee's access request (GDPR Art. 15): a printable page and the same
/// as a JSON download. Producing it is itself logged as a view of the person, and listed in it.
/// </summary>
public sealed class AccessModel(NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, Countries countries)
    : HouseholdPageModel(db, time, l)
{
    public RefugeeAccessReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int personId) =>
        await LoadAsync(id, personId) ? Page() : NotFound();

    public async Task<IActionResult> OnGetJsonAsync(int id, int personId) =>
        await LoadAsync(id, personId)
            ? AccessJson.Download(Report, string.Create(CultureInfo.InvariantCulture, $"auskunft-person-{personId}-{Today:yyyy-MM-dd}.json"))
            : NotFound();

    private async Task<bool> LoadAsync(int id, int personId)
    {
        if (!await LoadPersonAsync(id, personId)) return false;
        // The export shows the person's data to someone: logged before it is built, so it lists itself.
        Db.RecordView(nameof(Refugee), personId);
        await Db.SaveViewsAsync(HttpContext);
        Report = await new RefugeeAccessBuilder(Db, L, countries).BuildAsync(Household, Person, UtcNow);
        return true;
    }
}
