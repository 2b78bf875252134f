using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;

namespace NestPortal.Web.Pages;

public sealed class DataSourcesModel(NestPortalDbContext db) : PageModel
{
    public int MunicipalityCount { get; private set; }

    public async Task OnGetAsync() => MunicipalityCount = await db.Municipalities.CountAsync();
}
