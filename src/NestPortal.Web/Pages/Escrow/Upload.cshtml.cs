using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Domain.Banking;
using NestPortal.Domain.Common;
using NestPortal.Web.Authorization;
using NestPortal.Web.Banking;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Escrow;

/// <summary>
/// Staff upload a statement of a rent account (camt.053 or camt.052): stored once per booking, then
/// reconciled. The form is read within the configured size before the antiforgery check (as the import's
/// upload, ADR 0021), so an oversized file gets a German message.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UploadModel(NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l,
    StatementImporter importer, IOptions<ReconciliationOptions> options, IAntiforgery antiforgery)
    : EscrowPageModel(db, time, l)
{
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
            var result = await importer.ImportAsync(id, file.Value.FileName, file.Value.Content, User.ToActor(), HttpContext.RequestAborted);
            TempData["Status"] = L["Der Kontoauszug ist übernommen: {0} neue Buchungen, {1} bereits bekannt, {2} zugeordnet.",
                result.EntriesAdded, result.EntriesAlreadyKnown, result.Matches].Value;
            return RedirectToPage("/Escrow/Reconciliation", new { id });
        }
        catch (DomainException exception)
        {
            foreach (var error in exception.Errors)
                ModelState.AddModelError(StatementUpload.FieldName, L[error.Template, error.Arguments]);
            return Page();
        }
    }
}
