using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Notifications;
using NestPortal.Web.Notifications;

namespace NestPortal.Web.Pages.Messages;

/// <summary>
/// The signed-in person's messages, newest first: what the portal mailed them, kept here so nothing
/// depends on a mail arriving. The competence centre's staff also see its shared list, marked as such;
/// a shared message read by one of them is read for all, as in a shared mailbox.
/// </summary>
public sealed class IndexModel(NestPortalDbContext db, IStringLocalizer<SharedResource> l, TimeProvider time, UnreadCounts counts) : PageModel
{
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Paged<Row> Result { get; private set; } = null!;

    public int Unread { get; private set; }

    public async Task OnGetAsync()
    {
        var visible = db.PortalMessages.AsNoTracking().VisibleTo(User);
        Unread = await visible.CountAsync(m => m.ReadAtUtc == null);
        Result = await visible.OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
            .Select(m => new Row(m.Id, m.Subject, m.CreatedAtUtc, m.ReadAtUtc == null, m.RecipientKey == PortalMessage.CompetenceCentre))
            .ToPagedAsync(PageNumber);
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var now = time.UtcNow();
        var marked = await db.PortalMessages.VisibleTo(User).Where(m => m.ReadAtUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ReadAtUtc, now));
        // The update bypassed the change tracker, so the header's cached count is told here.
        counts.Forget(MessageScope.ListsOf(User));
        TempData["Status"] = marked == 0
            ? l["Es gibt keine ungelesenen Nachrichten."].Value
            : l.Count(marked, "{0} Nachricht als gelesen markiert.", "{0} Nachrichten als gelesen markiert.");
        return RedirectToPage();
    }

    public PagerModel Pager => new(Result.PageNumber, Result.PageCount, Result.Total, new Dictionary<string, string?>());

    public sealed record Row(long Id, string Subject, DateTime CreatedAtUtc, bool Unread, bool Shared);
}
