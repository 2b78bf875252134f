using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Escrow;

/// <summary>Staff book a deposit the group made, as the bank statement shows it.</summary>
public sealed class DepositModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<DepositInput> validator)
    : EscrowPageModel(db, time, l)
{
    [BindProperty] public DepositInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Input.ValueDate = Today;
        return await ShowFormAsync(id);
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        var amount = DecimalInput.Parse(Input.Amount)!.Value;
        return await BookAsync(
            s => s.RecordDeposit(amount, Input.ValueDate!.Value, Input.BankReference, Today, User.ToActor(), UtcNow, IdempotencyKey),
            L["Die Einzahlung ist gebucht."]);
    }
}
