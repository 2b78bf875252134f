using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Identity;
using NestPortal.Web.AccessRequests;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Account.Manage;

/// <summary>
/// A mentor's own data (GDPR Art. 15), readable and as JSON: always the signed-in account, found by its user
/// id, and member records only under its confirmed email. Nothing here takes an id or address from the request.
/// </summary>
public sealed class MyDataModel(NestPortalDbContext db, UserManager<PortalUser> users, TimeProvider time, IStringLocalizer<SharedResource> l)
    : PageModel
{
    public MentorAccessReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnGetJsonAsync() =>
        await LoadAsync()
            ? AccessJson.Download(Report, string.Create(CultureInfo.InvariantCulture, $"meine-daten-nestportal-{time.TodayInGermany():yyyy-MM-dd}.json"))
            : Challenge();

    private async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return false;
        Report = await new MentorAccessBuilder(db, users, l).ForAccountAsync(user, time.UtcNow());
        return true;
    }
}
