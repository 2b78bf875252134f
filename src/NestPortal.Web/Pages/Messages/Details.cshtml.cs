using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Data.Notifications;
using NestPortal.Web.Notifications;

namespace NestPortal.Web.Pages.Messages;

/// <summary>
/// One message: its text and the link into the portal as a button; opening it marks it read. Another
/// person's message is not found (404), never refused: its existence is nobody else's business.
/// </summary>
public sealed class DetailsModel(NestPortalDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }

    public PortalMessage Message { get; private set; } = null!;

    public bool Shared => Message.RecipientKey == PortalMessage.CompetenceCentre;

    public IEnumerable<string> Paragraphs => Message.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await db.PortalMessages.VisibleTo(User).FirstOrDefaultAsync(m => m.Id == Id) is not { } message) return NotFound();
        Message = message;
        if (!message.IsRead)
        {
            message.MarkRead(time.UtcNow());
            await db.SaveChangesAsync();
        }

        return Page();
    }
}
