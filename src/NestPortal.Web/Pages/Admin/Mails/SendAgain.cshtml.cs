using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Operations;

namespace NestPortal.Web.Pages.Admin.Mails;

/// <summary>
/// Sends a failed mail again after a confirmation: its attempts start over and the next sender run tries
/// it at once. Logged in the audit log. Only for an unsent mail that failed at least once.
/// </summary>
public sealed class SendAgainModel(NestPortalDbContext db, IStringLocalizer<SharedResource> l, TimeProvider time, ILogger<SendAgainModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    public OutgoingMail Mail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), l["Bitte bestätigen Sie, dass die E-Mail erneut gesendet werden soll."]);
            return Page();
        }

        var attempts = Mail.Attempts;
        if (!await db.TrySaveAsync(() =>
            {
                Mail.SendAgain(time.UtcNow());
                db.RecordMailSentAgain(Mail.Id, attempts);
            }, ModelState, l, new SaveRefusals()))
        {
            return await LoadAsync() ? Page() : NotFound();
        }

        logger.LogInformation("Mail {MailId} queued again by an administrator", Mail.Id);
        TempData["Status"] = l["Die E-Mail an {0} wird erneut gesendet.", Mail.To].Value;
        return RedirectToPage("./Index");
    }

    /// <summary>Only a mail that can be sent again: a sent or never-tried one is a 404 here.</summary>
    private async Task<bool> LoadAsync()
    {
        if (await db.OutgoingMails.FirstOrDefaultAsync(m => m.Id == Id) is not { } mail || !MailStatusTexts.CanSendAgain(mail.SentAtUtc, mail.Attempts)) return false;
        Mail = mail;
        return true;
    }
}
