using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Domain.Banking;
using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Banking;

namespace NestPortal.Web.Pages.Groups;

/// <summary>
/// A main contact of the group (or the person who registered it) uploads the statements of the group's own rent account and sees the rent months
/// confirmed or not (ADR 0025). Another member, a mentor of another group and staff get 404 here; staff upload
/// from the escrow area. The id is the group's; the account is its running sponsorship's.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class BankStatementModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l,
    StatementImporter importer, Reconciler reconciler, IOptions<ReconciliationOptions> options, IAntiforgery antiforgery)
    : GroupPageModel(db, authorization, time, l)
{
    public Sponsorship Sponsorship { get; private set; } = null!;
    public AccountReconciliation Reconciliation { get; private set; } = null!;
    public long MaxBytes => StatementUpload.MaxBytes(options.Value.MaxStatementMegabytes);

    private IFormCollection? _form;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        _form = await LimitedUpload.ReadPostAsync(context, StatementUpload.RequestLimit(MaxBytes), antiforgery);
        if (context.Result is null) await next();
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var file = _form is null ? null : await StatementUpload.ReadFileAsync(_form, MaxBytes);
        if (file is null)
        {
            ModelState.AddModelError(StatementUpload.FieldName, L["Bitte wählen Sie einen Kontoauszug (camt.053 oder camt.052, XML) mit höchstens {0:N0} MB.", options.Value.MaxStatementMegabytes]);
            if (_form is null) Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Page();
        }

        try
        {
            var result = await importer.ImportAsync(Sponsorship.Id, file.Value.FileName, file.Value.Content, User.ToActor(), HttpContext.RequestAborted);
            TempData["Status"] = L["Der Kontoauszug ist übernommen: {0} neue Buchungen, {1} bereits bekannt, {2} zugeordnet.",
                result.EntriesAdded, result.EntriesAlreadyKnown, result.Matches].Value;
            return RedirectToPage("/Groups/BankStatement", new { id });
        }
        catch (DomainException exception)
        {
            foreach (var error in exception.Errors)
                ModelState.AddModelError(StatementUpload.FieldName, L[error.Template, error.Arguments]);
            return Page();
        }
    }

    /// <summary>
    /// Who speaks for the group's account: an active main contact (by the address they sign in with), or the person who
    /// registered the group. Other members read the account's statement but do not upload to it.
    /// </summary>
    public static bool MayUpload(MentoringGroup group, System.Security.Claims.ClaimsPrincipal user)
    {
        var email = user.Email() is { } address ? Mentor.NormaliseEmail(address) : null;
        return group.CreatedByUserId == user.UserId() || (email is not null && group.Members.Any(m => m.IsActiveMainContact && m.Email == email));
    }

    /// <summary>The group (a member's scope), the caller as one of its main contacts, and its running sponsorship.</summary>
    private async Task<bool> LoadAsync(int id)
    {
        if (!await LoadGroupAsync(id)) return false;
        if (!MayUpload(Group, User)) return false;
        var sponsorship = await Db.Sponsorships.AsSplitQuery()
            .SingleOrDefaultAsync(s => s.GroupId == id && s.Status == SponsorshipStatus.Running);
        if (sponsorship is null) return false;
        Sponsorship = sponsorship;
        Reconciliation = await reconciler.LoadAsync(sponsorship);
        return true;
    }
}
