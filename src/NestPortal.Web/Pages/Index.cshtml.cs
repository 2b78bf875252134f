using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Pages;

/// <summary>The start page: visitors learn what the portal is for; signed-in people go to their work.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.IsInRole(Roles.CompetenceCentre)) return RedirectToPage("/Review/Index");
        if (User.IsInRole(Roles.Administrator)) return RedirectToPage("/Admin/Users/Index");
        if (User.IsInRole(Roles.Municipality)) return RedirectToPage("/MyMunicipality/Index");
        if (User.IsInRole(Roles.Mentor)) return RedirectToPage("/Groups/Index");
        return Page();
    }
}
