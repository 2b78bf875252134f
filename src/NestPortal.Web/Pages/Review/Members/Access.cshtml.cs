using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Identity;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.AccessRequests;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Pages.Review.Members;

/// <summary>
/// The competence centre answers a mentor's access request (GDPR Art. 15), starting from a member of a group
/// it reviews: everything held under that member's email and their account, printable and as JSON. Each
/// member record exported is logged as viewed, so the mentor's own export shows who asked.
/// </summary>
public sealed class AccessModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l,
    UserManager<PortalUser> users)
    : GroupPageModel(db, authorization, time, l)
{
    protected override OperationAuthorizationRequirement Operation => GroupOperations.Review;
    protected override string GroupPage => "/Review/Details";

    public MentorAccessReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int memberId) =>
        await LoadAsync(id, memberId) ? Page() : NotFound();

    public async Task<IActionResult> OnGetJsonAsync(int id, int memberId) =>
        await LoadAsync(id, memberId)
            ? AccessJson.Download(Report, string.Create(CultureInfo.InvariantCulture, $"auskunft-mitglied-{memberId}-{Today:yyyy-MM-dd}.json"))
            : NotFound();

    private async Task<bool> LoadAsync(int id, int memberId)
    {
        // An erased member has no data left to tell, and no address to find their other records by.
        if (!await LoadMemberAsync(id, memberId) || Member.IsErased) return false;
        Report = await new MentorAccessBuilder(Db, users, L).ForMemberAsync(Member.Email, UtcNow);
        foreach (var member in Report.Memberships) Db.RecordView(nameof(Mentor), member.Id);
        await Db.SaveViewsAsync(HttpContext);
        return true;
    }
}
