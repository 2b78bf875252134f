using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Identity;
using NestPortal.Domain.MentoringGroups;

namespace NestPortal.Web.Pages.Account;

/// <summary>
/// Opened from the mail to the new address: a button makes it the account's address and sign-in name
/// (a button, not the link itself, so a mail scanner that opens links changes nothing). Both changes
/// change the security stamp, so every session of the account ends; the person signs in with the new address.
/// </summary>
public sealed class ConfirmEmailChangeModel(
    NestPortalDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signIn, IStringLocalizer<SharedResource> l,
    ILogger<ConfirmEmailChangeModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public bool Invalid { get; private set; }

    public void OnGet() => Invalid = string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Email) || AccountLinks.Decode(Code) is null;

    public async Task<IActionResult> OnPostAsync()
    {
        var token = AccountLinks.Decode(Code);
        var user = string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
        if (user is null || token is null || string.IsNullOrEmpty(Email))
        {
            Invalid = true;
            return Page();
        }

        // The member records that name the old address follow it, saved with the account in one SaveChanges
        // (Identity's store saves this context); a refused token saves neither.
        var oldEmail = Mentor.NormaliseEmail(user.Email ?? string.Empty);
        var groups = await db.MentoringGroups.Include(g => g.Members).Where(g => g.Members.Any(m => m.Email == oldEmail)).ToListAsync();
        foreach (var group in groups) group.FollowAddressChange(oldEmail, Email);
        var changed = await users.ChangeEmailAsync(user, Email, token);
        if (!changed.Succeeded)
        {
            Invalid = true;
            return Page();
        }

        var renamed = await users.SetUserNameAsync(user, Email);
        if (!renamed.Succeeded)
            throw new InvalidOperationException($"User {user.Id} has a new address but keeps the old user name: {string.Join("; ", renamed.Errors.Select(e => e.Code))}");
        if (signIn.IsSignedIn(User)) await signIn.SignOutAsync();
        logger.LogInformation("User {UserId} confirmed a new email address; their sessions ended", user.Id);
        TempData["Status"] = l["Ihre neue E-Mail-Adresse ist bestätigt. Bitte melden Sie sich mit ihr an."].Value;
        return RedirectToPage("./Login");
    }
}
