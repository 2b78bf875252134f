using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NestPortal.Data.Identity;

namespace NestPortal.Web.Pages.Account;

public sealed class ConfirmEmailModel(UserManager<PortalUser> users, ILogger<ConfirmEmailModel> logger) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = AccountLinks.Decode(code);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null) return;
        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
        if (Confirmed) logger.LogInformation("User {UserId} confirmed the email address", user.Id);
    }
}
