using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Escrow;

/// <summary>
/// Staff pay money back to the group: at most the surplus the remaining rent does not need. The form's
/// key makes a second submission book nothing.
/// </summary>
public sealed class RefundModel(NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l,
    IValidator<RefundModel.RefundInput> validator) : EscrowPageModel(db, time, l)
{
    [BindProperty] public RefundInput Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync(int id) => ShowFormAsync(id);

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        var amount = DecimalInput.Parse(Input.Amount)!.Value;
        return await BookAsync(s => s.Refund(amount, Input.Reference, Today, User.ToActor(), UtcNow, IdempotencyKey),
            L["Die Rückzahlung von {0} ist gebucht.", DecimalInput.Euros(amount)]);
    }

    public sealed class RefundInput
    {
        /// <summary>Kept as typed ("250,00"), parsed in the page's language.</summary>
        public string Amount { get; set; } = string.Empty;
        public string Reference { get; set; } = string.Empty;
        public bool Confirmed { get; set; }
    }

    /// <summary>Form-level checks only; the amount's limits (positive, cents, surplus) are the domain's.</summary>
    public sealed class Validator : AbstractValidator<RefundInput>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Amount).Must(a => DecimalInput.TryParse(a, out _))
                .WithMessage(_ => l["Bitte geben Sie den Betrag in Euro und Cent an, z. B. {0}.", DecimalInput.Format(250m, "0.00")]);
            RuleFor(x => x.Reference).NotEmpty().MaximumLength(EscrowEntry.ReferenceMaxLength).WithName(_ => l["Verwendungszweck"]);
            RuleFor(x => x.Confirmed).Equal(true).WithMessage(_ => l["Bitte bestätigen Sie, dass der Betrag an die Gruppe überwiesen wird."]);
        }
    }
}
