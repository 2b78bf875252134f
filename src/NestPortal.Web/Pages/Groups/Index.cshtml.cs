using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Pages.Groups;

public sealed class IndexModel(NestPortalDbContext db) : PageModel
{
    public IReadOnlyList<Row> Groups { get; private set; } = [];

    public async Task OnGetAsync()
    {
        // The same rule as MentoringGroup.IsAccessibleTo, as a query: created by me or listing my email.
        Groups = await db.GroupsOf(User)
            .OrderBy(g => g.Name)
            .Select(g => new Row(g.Id, g.Name, g.Status,
                db.Municipalities.Where(m => m.Ags == g.HomeMunicipalityAgs).Select(m => m.Name).First(), g.Members.Count))
            .ToListAsync();
    }

    public sealed record Row(int Id, string Name, GroupStatus Status, string Municipality, int MemberCount);
}
