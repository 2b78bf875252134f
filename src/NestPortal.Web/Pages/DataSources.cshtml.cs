using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages;

public sealed class DataSourcesModel(NestPortalDbContext db, Countries countries) : PageModel
{
    public int MunicipalityCount { get; private set; }
    public int CountryCount => countries.All.Count;

    public async Task OnGetAsync() => MunicipalityCount = await db.Municipalities.CountAsync();
}
