using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Import;

namespace NestPortal.Web.Pages.Admin.Import;

/// <summary>
/// The import format inside the portal, from the importer's own sheet and column definitions
/// (<see cref="ImportFormat"/>), and the template workbook with every sheet and column (<see cref="ImportTemplate"/>),
/// both in the page's language.
/// </summary>
public sealed class FormatModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<ImportFormat.SheetHelp> Sheets { get; } = ImportFormat.Describe(l);

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "de";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancellationToken) =>
        File(await ImportTemplate.WriteAsync(English, cancellationToken), ImportTemplate.ContentType, ImportTemplate.FileName(English));
}
