using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Documents;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Web.Documents;

namespace NestPortal.Web.Pages.Documents;

/// <summary>
/// Removes a document after confirmation: a mentor their own upload while the group is a draft or returned, the
/// competence centre any document with a reason (ADR 0024). The content row is deleted; the document stays as a
/// tombstone without name and fingerprint, and the audit log records the deletion.
/// </summary>
public sealed class DeleteModel(NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<DeleteModel.DeleteInput> validator)
    : PageModel
{
    public Document Document { get; private set; } = null!;
    public string RecordName { get; private set; } = string.Empty;
    public string RecordPage { get; private set; } = "/";
    public bool MayDelete { get; private set; }
    public bool IsStaff => User.IsStaff();

    [BindProperty] public DeleteInput Input { get; set; } = new();

    public sealed class DeleteInput
    {
        public bool Confirmed { get; set; }
        [DataType(DataType.MultilineText)] public string? Reason { get; set; }
    }

    public sealed class DeleteValidator : AbstractValidator<DeleteInput>
    {
        public DeleteValidator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(i => i.Confirmed).Equal(true).WithMessage(l["Bitte bestätigen Sie, dass das Dokument gelöscht werden soll."]);
            RuleFor(i => i.Reason).MaximumLength(Document.ReasonMaxLength);
        }
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var valid = await validator.ValidateIntoAsync(Input, ModelState, nameof(Input));
        // Staff give a reason (the domain insists too); said at the field rather than above the form.
        if (IsStaff && string.IsNullOrWhiteSpace(Input.Reason))
        {
            ModelState.AddModelError("Input.Reason", l["Bitte geben Sie einen Grund für das Löschen an."]);
            valid = false;
        }

        if (!valid) return Page();
        var editable = await GroupEditableAsync();
        var deleted = await db.TrySaveAsync(() =>
        {
            Document.Delete(User.ToActor(), IsStaff, editable, Input.Reason, time.UtcNow());
            // The bytes go in the same save as the tombstone, by key, without being loaded.
            db.DocumentContents.Remove(db.DocumentContents.Attach(new DocumentContent(id, [])).Entity);
        }, ModelState, l, new SaveRefusals());
        if (!deleted)
        {
            await LoadAsync(id);
            return Page();
        }

        TempData["Status"] = l["Das Dokument ist gelöscht."].Value;
        return Redirect(RecordPage);
    }

    private async Task<bool> LoadAsync(int id)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == id);
        if (document is null || !document.IsAvailable || !await db.MayReachAsync(User, document.OwnerKind, document.OwnerId)) return false;
        Document = document;
        RecordPage = await db.RecordPageAsync(User, document.OwnerKind, document.OwnerId);
        RecordName = await DocumentRecords.NameAsync(db, l, document.OwnerKind, document.OwnerId);
        MayDelete = DocumentScope.MayDelete(User, document, await GroupEditableAsync());
        return true;
    }

    private async Task<bool> GroupEditableAsync() =>
        Document.OwnerKind == DocumentOwnerKind.Group
        && await db.MentoringGroups.AnyAsync(g => g.Id == Document.OwnerId && (g.Status == GroupStatus.Draft || g.Status == GroupStatus.Returned));
}
