using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using NestPortal.Data;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.ViewComponents;

/// <summary>
/// The 396 municipalities as a datalist: the browser filters them as one types a name, an AGS or the
/// town hall's postcode (the only postcode the register has per municipality), on a phone too, with no script.
/// </summary>
public sealed class MunicipalityDatalistViewComponent(NestPortalDbContext db, IMemoryCache cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string id) =>
        View("Default", (id, await MunicipalityLookup.AllOptionsAsync(db, cache)));
}
