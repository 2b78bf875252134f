using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Admin;

/// <summary>
/// The administrators' search of the audit log: by user, record, date range and action, newest first.
/// The log cannot be changed or deleted (ADR 0006), so this page has no form that posts; but each search
/// adds an entry of its own (ADR 0014). Personal values of refugees and members are not in the log at all.
/// </summary>
public sealed class AuditModel(NestPortalDbContext db, IStringLocalizer<SharedResource> l, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 25;

    /// <summary>The audited record types, as the log names them: taken from the audit trail, so none can be missing.</summary>
    public static IReadOnlyList<string> EntityTypes => NestPortalDbContext.AuditedEntityTypes;

    /// <summary>The date picker sends ISO; links written by hand and older bookmarks may hold German dates.</summary>
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"];

    [BindProperty(SupportsGet = true, Name = "user")] public string? UserTerm { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public AuditAction? Action { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Paged<Row> Result { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync()
    {
        var from = ParseDate(From, nameof(From));
        var to = ParseDate(To, nameof(To));
        // The date pickers show what was searched for; what they cannot show (an unreadable date) stays as typed.
        FromValue = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? From;
        ToValue = to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? To;
        if (from is { } start && to is { } end && end < start)
            ModelState.AddModelError(nameof(To), l["Das Ende des Zeitraums liegt vor seinem Anfang."]);
        if (!ModelState.IsValid) return;

        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(UserTerm))
        {
            var term = UserTerm.Trim();
            var pattern = SearchPattern.Contains(term);
            entries = entries.Where(a => a.UserId == term || EF.Functions.Like(a.UserName, pattern, SearchPattern.Escape));
        }

        if (!string.IsNullOrWhiteSpace(EntityType)) entries = entries.Where(a => a.EntityType == EntityType);
        if (!string.IsNullOrWhiteSpace(EntityId)) entries = entries.Where(a => a.EntityId == EntityId.Trim());
        if (Action is { } action) entries = entries.Where(a => a.Action == action);
        // The dates are German calendar days; the log keeps UTC.
        if (from is { } fromDay)
        {
            var since = Clock.StartOfDayInGermanyUtc(fromDay);
            entries = entries.Where(a => a.AtUtc >= since);
        }

        if (to is { } toDay)
        {
            var before = Clock.StartOfDayInGermanyUtc(toDay.AddDays(1));
            entries = entries.Where(a => a.AtUtc < before);
        }

        var page = await entries.OrderByDescending(a => a.Id).ToPagedAsync(PageNumber, PageSize);
        // Every search of the log is itself logged: who looked for what, and when. A name or address typed
        // as the user filter is not kept (it would outlive an erasure); an account id is.
        var userFilter = string.IsNullOrWhiteSpace(UserTerm) ? null
            : await db.Users.AnyAsync(u => u.Id == UserTerm.Trim()) ? UserTerm.Trim() : "(Name oder E-Mail-Adresse)";
        db.RecordLogSearch(new (string Field, string? Value)[]
            {
                ("user", userFilter), ("entityType", EntityType), ("entityId", EntityId), ("from", From), ("to", To),
                ("action", Action?.ToString()), ("page", PageNumber == 1 ? null : PageNumber.ToString(CultureInfo.InvariantCulture)),
            }
            .Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => new FieldChange(f.Field, null, f.Value!.Trim())));
        await db.SaveViewsAsync(HttpContext);
        var records = new AuditRecords(db, l, await AuditViewer.OfAsync(authorization, User));
        await records.LoadAsync(page.Items);
        Result = new Paged<Row>(page.Items.Select(e => ToRow(e, records)).ToList(), page.PageNumber, page.PageSize, page.Total);
    }

    /// <summary>The value of the "von" date picker: ISO when the date was read, else as sent.</summary>
    public string? FromValue { get; private set; }

    /// <summary>The value of the "bis" date picker.</summary>
    public string? ToValue { get; private set; }

    public PagerModel Pager => new(Result.PageNumber, Result.PageCount, Result.Total, new Dictionary<string, string?>
    {
        ["user"] = UserTerm, ["entityType"] = EntityType, ["entityId"] = EntityId, ["from"] = From, ["to"] = To, ["action"] = Action?.ToString(),
    });

    public bool HasError(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    /// <summary>Accepts what a browser's date field sends (2026-11-24) and what a German user types (24.11.2026).</summary>
    private DateOnly? ParseDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        ModelState.AddModelError(field, l["Bitte wählen Sie ein gültiges Datum."]);
        return null;
    }

    private static Row ToRow(AuditEntry entry, AuditRecords records) => new(
        entry.Id, Clock.InGermany(entry.AtUtc), entry.UserName, records.Account(entry), entry.Role, entry.Action, entry.EntityType, entry.EntityId, records.Record(entry),
        entry.Changes is null ? [] : JsonSerializer.Deserialize<List<FieldChange>>(entry.Changes) ?? [], entry.RequestId);

    public sealed record Row(long Id, DateTime AtLocal, string UserName, AuditAccount? Account, string? Role, AuditAction Action,
        string EntityType, string EntityId, AuditRecord Record, IReadOnlyList<FieldChange> Changes, string? RequestId);
}
