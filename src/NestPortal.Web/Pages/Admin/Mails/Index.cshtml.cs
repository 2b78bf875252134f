using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;

namespace NestPortal.Web.Pages.Admin.Mails;

/// <summary>
/// The outbox for administrators: which mails wait, which failed and why, which went out. It shows who
/// and what about, never a body: bodies hold links with password and confirmation tokens.
/// </summary>
public sealed class IndexModel(NestPortalDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public MailStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Paged<Row> Result { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var mails = db.OutgoingMails.AsNoTracking().Having(Status);
        if (!string.IsNullOrWhiteSpace(Search))
            mails = mails.Where(m => EF.Functions.Like(m.To, SearchPattern.Contains(Search), SearchPattern.Escape));
        Result = await mails.OrderByDescending(m => m.Id)
            .Select(m => new Row(m.Id, m.To, m.Subject, m.Attempts, m.LastError, m.CreatedAtUtc, m.SentAtUtc, m.NextAttemptAtUtc))
            .ToPagedAsync(PageNumber);
    }

    public PagerModel Pager => new(Result.PageNumber, Result.PageCount, Result.Total,
        new Dictionary<string, string?> { ["search"] = Search, ["status"] = Status?.ToString() });

    public sealed record Row(int Id, string To, string Subject, int Attempts, string? LastError, DateTime CreatedAtUtc, DateTime? SentAtUtc, DateTime NextAttemptAtUtc)
    {
        public MailStatus Status => MailStatusTexts.Of(SentAtUtc, Attempts);
        public bool CanSendAgain => MailStatusTexts.CanSendAgain(SentAtUtc, Attempts);
    }
}
