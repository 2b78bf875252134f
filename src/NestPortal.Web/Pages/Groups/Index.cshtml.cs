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
        var userId = User.UserId();
        var email = User.Email()?.Trim().ToLowerInvariant() ?? string.Empty;
        // The same rule as MentoringGroup.IsAccessibleTo, as a query: created by me or listing my email.
        Groups = await db.MentoringGroups
            .Where(g => g.CreatedByUserId == userId || g.Members.Any(m => m.Email == email))
            .Join(db.Municipalities, g => g.HomeMunicipalityAgs, m => m.Ags, (g, m) => new Row(g.Id, g.Name, g.Status, m.Name, g.Members.Count))
            .OrderBy(r => r.Name)
            .ToListAsync();
    }

    public sealed record Row(int Id, string Name, GroupStatus Status, string Municipality, int MemberCount);
}
