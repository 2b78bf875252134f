using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Legal;
using NestPortal.Web.Letters;

namespace NestPortal.Web.Pages.Allocations;

/// <summary>
/// The decision letter (Zuweisungsentscheidung): the stored PDF to open or download (ADR 0023), and the
/// same letter as a page for reading and printing; a superseded one says so. Without the administration's
/// postal address the page says what is missing instead of showing an incomplete letter.
/// </summary>
public sealed class PrintModel(NestPortalDbContext db, DecisionLetters letters, IOptions<LetterOptions> texts, IOptions<OperatorOptions> sender)
    : PageModel
{
    public Allocation Allocation { get; private set; } = null!;
    public Household Household { get; private set; } = null!;
    public Domain.Municipalities.Municipality Municipality { get; private set; } = null!;
    public LetterOptions.DecisionTexts Texts => texts.Value.Decision;
    public OperatorOptions Sender => sender.Value;

    /// <summary>The decision this one replaced, if any.</summary>
    public Allocation? Replaced { get; private set; }

    /// <summary>The decision that replaced this one, if any.</summary>
    public Allocation? ReplacedBy { get; private set; }

    public bool HasAddress => DecisionLetters.CanWriteTo(Municipality);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    /// <summary>The PDF as stored with the decision (written and stored now for a decision from before letters were kept).</summary>
    public async Task<IActionResult> OnGetPdfAsync(int id, bool download = false)
    {
        if (!await LoadAsync(id)) return NotFound();
        var (letter, _) = await letters.FindOrWriteAsync(Household, Allocation);
        if (letter is null) return Page();
        return LetterFile.Serve(Response, letter, download);
    }

    private async Task<bool> LoadAsync(int id)
    {
        var householdId = await db.Allocations.Where(a => a.Id == id).Select(a => (int?)a.HouseholdId).SingleOrDefaultAsync();
        if (householdId is null) return false;
        var household = await db.HouseholdsVisibleTo(User).AsNoTracking().Include(h => h.Persons).Include(h => h.Allocations).AsSplitQuery()
            .SingleOrDefaultAsync(h => h.Id == householdId);
        if (household is null) return false;
        Household = household;
        Allocation = household.Allocations.Single(a => a.Id == id);
        // Decisions are only ever added, so the neighbours by id are the one replaced and the replacement.
        Replaced = household.Allocations.Where(a => a.Id < id).MaxBy(a => a.Id);
        ReplacedBy = household.Allocations.Where(a => a.Id > id).MinBy(a => a.Id);
        Municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Ags == Allocation.MunicipalityAgs);
        return true;
    }
}
