using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Documents;
using NestPortal.Web.Authorization;
using NestPortal.Web.Documents;
using NestPortal.Web.Notifications;

namespace NestPortal.Web.Pages.Documents;

/// <summary>
/// The competence centre asks a group for a missing document of the group or of its sponsorship, or withdraws
/// such a request. The open request shows on the group's pages until a document of its category is uploaded
/// (ADR 0024). Only the competence centre: anyone else gets a 404, like for a record outside their scope.
/// </summary>
public sealed class RequestModel(NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l,
    IValidator<RequestModel.RequestInput> validator, Notifier notifier, ILogger<RequestModel> logger) : PageModel
{
    public DocumentOwnerKind Owner { get; private set; }
    public int OwnerId { get; private set; }
    public string RecordName { get; private set; } = string.Empty;
    public string RecordPage { get; private set; } = "/";

    [BindProperty] public RequestInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Categories =>
        DocumentCategories.For(Owner).Select(c => new SelectListItem(DocumentTexts.Category(l, c), ((int)c).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public sealed class RequestInput
    {
        public DocumentCategory? Category { get; set; }
        [DataType(DataType.MultilineText)] public string? Explanation { get; set; }
    }

    public sealed class RequestValidator : AbstractValidator<RequestInput>
    {
        public RequestValidator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(i => i.Category).NotNull().IsInEnum().WithMessage(l["Bitte wählen Sie, welches Dokument fehlt."]);
            RuleFor(i => i.Explanation).NotEmpty().WithMessage(l["Bitte schreiben Sie der Gruppe, was fehlt."])
                .MaximumLength(DocumentRequest.ExplanationMaxLength);
        }
    }

    public async Task<IActionResult> OnGetAsync(string owner, int id) => await LoadAsync(owner, id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string owner, int id)
    {
        if (!await LoadAsync(owner, id)) return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState, nameof(Input))) return Page();
        var request = default(DocumentRequest);
        var groupId = Owner == DocumentOwnerKind.Group ? OwnerId : await db.Sponsorships.Where(s => s.Id == OwnerId).Select(s => s.GroupId).SingleAsync();
        // The group's main contacts hear of the request in the portal and by mail, saved with the request itself.
        if (!await db.TrySaveAsync(() => db.DocumentRequests.Add(request = new DocumentRequest(Owner, OwnerId, Input.Category!.Value, Input.Explanation!, User.ToActor(), time.UtcNow())),
                ModelState, l, new SaveRefusals(Key: "Input.Category"),
                notify: () => notifier.ToGroupContactsAsync(groupId, DocumentNotices.Requested(request!, groupId))))
            return Page();

        logger.LogInformation("Document request {RequestId} ({Category}) for {Owner} {OwnerId}", request!.Id, request.Category, request.OwnerKind, request.OwnerId);
        TempData["Status"] = l["Die Gruppe ist um das Dokument gebeten; die Bitte steht auf ihrer Seite."].Value;
        return Redirect(RecordPage);
    }

    /// <summary>Withdraws an open request of this record; one of another record is a 404.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(string owner, int id, int requestId)
    {
        if (!await LoadAsync(owner, id)) return NotFound();
        var request = await db.DocumentRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.OwnerKind == Owner && r.OwnerId == OwnerId);
        if (request is null) return NotFound();
        if (!await db.TrySaveAsync(() => request.Withdraw(time.UtcNow()), ModelState, l, new SaveRefusals())) return Page();
        TempData["Status"] = l["Die Anforderung ist zurückgenommen."].Value;
        return Redirect(RecordPage);
    }

    private async Task<bool> LoadAsync(string? owner, int id)
    {
        if (!User.IsStaff() || DocumentScope.ParseOwner(owner) is not { } kind || kind == DocumentOwnerKind.Household
            || !await db.MayReachAsync(User, kind, id)) return false;
        Owner = kind;
        OwnerId = id;
        RecordPage = await db.RecordPageAsync(User, kind, id);
        RecordName = await DocumentRecords.NameAsync(db, l, kind, id);
        return true;
    }
}
