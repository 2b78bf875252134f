using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure.Downloads;

namespace NestPortal.Web.Pages.Groups;

/// <summary>
/// The mentors' read-only statement of their group's escrow account (Mietkonto): every entry, the
/// balance, the months paid and still open, and what is missing; printable and as CSV. The id is the
/// group's, so a mentor reaches only the account of a group they work on.
/// </summary>
public sealed class StatementModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l,
    Letters.EscrowStatementLetter statementLetter)
    : GroupPageModel(db, authorization, time, l)
{
    public Sponsorship? Sponsorship { get; private set; }
    public string Reference { get; private set; } = string.Empty;
    public EscrowPosition? Position { get; private set; }
    public IReadOnlyList<StatementLine> Lines { get; private set; } = [];

    /// <summary>The day the statement shows the account as of.</summary>
    public DateOnly AsOf => Today;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(int id)
    {
        if (!await LoadAsync(id) || Sponsorship is null) return NotFound();
        var lines = Lines;
        return new StreamedFileResult(GermanCsvWriter.ContentType, EscrowStatement.FileName(Reference),
            (body, cancellationToken) => EscrowStatement.WriteCsvAsync(body, lines, L, cancellationToken));
    }

    /// <summary>The statement as a PDF letter as of today (written on request, not stored: it states no act; ADR 0023).</summary>
    public async Task<IActionResult> OnGetPdfAsync(int id)
    {
        if (!await LoadAsync(id) || Sponsorship is null || Position is null) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(statementLetter.Render(Group.Name, Reference, Sponsorship, Position, Lines, AsOf), "application/pdf",
            Letters.EscrowStatementLetter.FileName(Reference));
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (!await LoadGroupAsync(id)) return false;
        // The one sponsorship the statement is about (its ledger comes with it): the running one, else the latest.
        Sponsorship = await Db.Sponsorships.AsNoTracking().AsSplitQuery().Where(s => s.GroupId == id)
            .OrderBy(s => s.Status == SponsorshipStatus.Running ? 0 : 1).ThenByDescending(s => s.Id).FirstOrDefaultAsync();
        if (Sponsorship is null) return true;
        var householdId = Sponsorship.HouseholdId;
        var reference = await Db.HouseholdsVisibleTo(User).Where(h => h.Id == householdId).Select(h => h.Reference).SingleOrDefaultAsync();
        if (reference is null) return false;
        Reference = reference;
        Position = Sponsorship.Position;
        Lines = EscrowStatement.Lines(Sponsorship, L);
        return true;
    }
}
