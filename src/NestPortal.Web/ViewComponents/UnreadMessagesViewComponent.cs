using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Web.Notifications;

namespace NestPortal.Web.ViewComponents;

/// <summary>
/// "Nachrichten" in the header with the number of unread messages: one COUNT on the recipient's index per
/// page, so a person sees what happened without waiting for a mail.
/// </summary>
public sealed class UnreadMessagesViewComponent(NestPortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? current)
    {
        var unread = await db.PortalMessages.VisibleTo(UserClaimsPrincipal).CountAsync(m => m.ReadAtUtc == null);
        return View("Default", (unread, current));
    }
}
