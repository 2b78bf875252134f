using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Pages.Account.Manage;

/// <summary>
/// The signed-in person's account: address, name, second factor; for mentors also their own data to
/// download (GDPR Art. 15).
/// </summary>
public sealed class IndexModel(UserManager<PortalUser> users) : PageModel
{
    public PortalUser Account { get; private set; } = null!;
    public bool IsMentor { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Account = user;
        IsMentor = User.IsInRole(Roles.Mentor);
        return Page();
    }
}
