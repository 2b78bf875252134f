using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NestPortal.Data;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Pages;

/// <summary>The start page: visitors learn what the portal is for; signed-in people go to their work.</summary>
public sealed class IndexModel(NestPortalDbContext db, TimeProvider time) : PageModel
{
    /// <summary>The programme's last day once it lies behind us: the page then says it takes no new groups.</summary>
    public DateOnly? ProgrammeEndedOn { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.IsInRole(Roles.CompetenceCentre)) return RedirectToPage("/Review/Index");
        if (User.IsInRole(Roles.Administrator)) return RedirectToPage("/Admin/Users/Index");
        if (User.IsInRole(Roles.Municipality)) return RedirectToPage("/MyMunicipality/Index");
        if (User.IsInRole(Roles.Mentor)) return RedirectToPage("/Groups/Index");
        ProgrammeEndedOn = await db.ProgrammeEndedBeforeAsync(time.TodayInGermany());
        return Page();
    }
}
