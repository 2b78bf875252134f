using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Escrow;

/// <summary>
/// Staff reverse one entry of the account with a correction that names it; nothing is edited or
/// deleted. The entry is looked up on this account only: an entry of another account is not shown
/// (404), and posting its id is refused by the ledger.
/// </summary>
public sealed class CorrectModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<CorrectInput> validator)
    : EscrowPageModel(db, time, l)
{
    [BindProperty(SupportsGet = true)] public int? EntryId { get; set; }
    [BindProperty] public CorrectInput Input { get; set; } = new();

    /// <summary>The entry to reverse, if it belongs to this account.</summary>
    public EscrowEntry? Entry => Sponsorship.Entries.FirstOrDefault(e => e.Id == EntryId);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var result = await ShowFormAsync(id);
        return result is PageResult && Entry is null ? NotFound() : result;
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        return await BookAsync(
            s => s.Correct(EntryId ?? 0, Input.Reason, Today, User.ToActor(), UtcNow, IdempotencyKey),
            L["Die Korrektur ist gebucht."]);
    }
}
