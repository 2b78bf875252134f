using Microsoft.AspNetCore.Mvc;
using NestPortal.Data;
using NestPortal.Web.Notifications;

namespace NestPortal.Web.ViewComponents;

/// <summary>
/// "Nachrichten" in the header with the number of unread messages, so a person sees what happened without
/// waiting for a mail. Counted once per message list and then kept briefly (<see cref="UnreadCounts"/>):
/// every page shows it, and a COUNT per page was a third of the minimal page's SQL.
/// </summary>
public sealed class UnreadMessagesViewComponent(NestPortalDbContext db, UnreadCounts counts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? current)
    {
        var unread = await counts.ForAsync(db, UserClaimsPrincipal, HttpContext.RequestAborted);
        return View("Default", (unread, current));
    }
}
