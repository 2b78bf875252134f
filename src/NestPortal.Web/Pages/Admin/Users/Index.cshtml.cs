using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Web.Pages.Admin.Users;

public sealed class IndexModel(NestPortalDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Paged<Row> Result { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var users = db.Users.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var pattern = SearchPattern.Contains(Search);
            users = users.Where(u => EF.Functions.Like(u.Email!, pattern, SearchPattern.Escape)
                                     || EF.Functions.Like(u.DisplayName, pattern, SearchPattern.Escape));
        }

        var rows = from user in users.OrderBy(u => u.Email)
                   join userRole in db.UserRoles on user.Id equals userRole.UserId into userRoles
                   from userRole in userRoles.DefaultIfEmpty()
                   join role in db.Roles on userRole.RoleId equals role.Id into roles
                   from role in roles.DefaultIfEmpty()
                   where string.IsNullOrEmpty(Role) || (role != null && role.Name == Role)
                   select new Row(user.Id, user.DisplayName, user.Email!, role != null ? role.Name : null,
                       user.MunicipalityAgs,
                       user.EmailConfirmed, user.PasswordHash != null, user.DeactivatedAtUtc, user.TwoFactorEnabled);
        Result = await rows.ToPagedAsync(PageNumber);
    }

    public PagerModel Pager => new(Result.PageNumber, Result.PageCount, Result.Total,
        new Dictionary<string, string?> { ["search"] = Search, ["role"] = Role });

    public sealed record Row(string Id, string DisplayName, string Email, string? Role, Ags? MunicipalityAgs,
        bool EmailConfirmed, bool HasPassword, DateTime? DeactivatedAtUtc, bool TwoFactorEnabled);
}
