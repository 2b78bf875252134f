using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using Microsoft.Extensions.Options;
using NestPortal.Domain.Households;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Notifications;

namespace NestPortal.Web.Pages.Allocations;

/// <summary>
/// The allocation desk: matched households waiting for their Zuweisungsentscheidung, soonest expected
/// arrival first; and, as a second view, decisions the municipality has not yet acknowledged, narrowed on
/// request to those older than the days after which the municipality is reminded (the clerk's queue: these
/// the reminder did not settle).
/// </summary>
public sealed class IndexModel(NestPortalDbContext db, IOptions<NotificationOptions> notifications, TimeProvider time,
    MunicipalityRegister register) : PageModel
{
    public const string Waiting = "waiting";
    public const string Unacknowledged = "unacknowledged";

    [BindProperty(SupportsGet = true, Name = "view")] public string? Tab { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    /// <summary>Only decisions issued longer ago than <see cref="OverdueDays"/> (the unacknowledged view).</summary>
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    public int OverdueDays => notifications.Value.AcknowledgementReminderDays;

    public bool ShowsUnacknowledged => Tab == Unacknowledged;
    public Paged<WaitingRow> WaitingRows { get; private set; } = null!;
    public Paged<OpenRow> OpenRows { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var pattern = string.IsNullOrWhiteSpace(Search) ? null : SearchPattern.Contains(Search);
        if (ShowsUnacknowledged)
        {
            var open = db.Allocations.Where(a => a.SupersededAtUtc == null && a.AcknowledgedAtUtc == null)
                .Select(a => new
                {
                    Allocation = a,
                    Household = db.Households.Where(h => h.Id == a.HouseholdId).Select(h => h.Reference).First(),
                });
            if (pattern is not null) open = open.Where(x => EF.Functions.Like(x.Household, pattern, SearchPattern.Escape));
            if (Overdue)
            {
                var dueBefore = time.UtcNow().AddDays(-OverdueDays);
                open = open.Where(x => x.Allocation.IssuedAtUtc <= dueBefore);
            }

            // Municipality names from the register (read once per process), not a lookup per row.
            var municipalities = await register.GetAsync(HttpContext.RequestAborted);
            var page = await open.OrderBy(x => x.Allocation.DecisionDate).ThenBy(x => x.Allocation.Id)
                .Select(x => new { x.Allocation.Id, x.Allocation.HouseholdId, x.Household, x.Allocation.MunicipalityAgs, x.Allocation.DecisionDate,
                    x.Allocation.EffectiveDate, x.Allocation.FileReference })
                .ToPagedAsync(PageNumber);
            OpenRows = new Paged<OpenRow>(page.Items.Select(x => new OpenRow(x.Id, x.HouseholdId, x.Household, municipalities.NameOf(x.MunicipalityAgs),
                x.DecisionDate, x.EffectiveDate, x.FileReference)).ToList(), page.PageNumber, page.PageSize, page.Total);
            return;
        }

        // Matched and not allocated, whatever else happened meanwhile (an arrival recorded first).
        var waiting = db.Households.Where(h => h.IsMatched && h.AllocatedMunicipalityAgs == null);
        if (pattern is not null) waiting = waiting.Where(h => EF.Functions.Like(h.Reference, pattern, SearchPattern.Escape));
        WaitingRows = await waiting
            .OrderBy(h => h.ExpectedArrival == null).ThenBy(h => h.ExpectedArrival).ThenBy(h => h.Id)
            .Select(h => new WaitingRow(h.Id, h.Reference, h.PrincipalName, h.Persons.Count, h.ExpectedArrival,
                db.Sponsorships.Where(s => s.HouseholdId == h.Id)
                    .Select(s => db.Municipalities.Where(m => m.Ags == s.Apartment.MunicipalityAgs).Select(m => m.Name).First())
                    .FirstOrDefault()))
            .ToPagedAsync(PageNumber);
    }

    public PagerModel Pager
    {
        get
        {
            var values = new Dictionary<string, string?> { ["view"] = ShowsUnacknowledged ? Unacknowledged : Waiting, ["search"] = Search };
            if (ShowsUnacknowledged && Overdue) values["overdue"] = "true";
            return ShowsUnacknowledged
                ? new PagerModel(OpenRows.PageNumber, OpenRows.PageCount, OpenRows.Total, values)
                : new PagerModel(WaitingRows.PageNumber, WaitingRows.PageCount, WaitingRows.Total, values);
        }
    }

    public sealed record WaitingRow(int HouseholdId, string Reference, string? PrincipalName, int Persons, DateOnly? ExpectedArrival, string? FlatMunicipality);

    public sealed record OpenRow(int AllocationId, int HouseholdId, string Reference, string Municipality, DateOnly DecisionDate,
        DateOnly EffectiveDate, string FileReference);
}
