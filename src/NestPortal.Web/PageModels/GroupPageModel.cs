using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Programme;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.PageModels;

/// <summary>
/// What every page about one group does first: load it and let the resource-based handler decide
/// (a mentor: their own group; the competence centre: any group under review). Anything else is a
/// 404, whatever the id.
/// </summary>
public abstract class GroupPageModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    protected NestPortalDbContext Db => db;
    protected TimeProvider Time => time;
    protected IStringLocalizer<SharedResource> L => l;

    public MentoringGroup Group { get; private set; } = null!;

    /// <summary>The member a member page works on (set by <see cref="LoadMemberAsync"/>).</summary>
    public Mentor Member { get; private set; } = null!;
    public ProgrammeRuleSet? RulesInForce { get; private set; }

    /// <summary>The programme's last day, null while it is open-ended: after it a submission is refused naming it.</summary>
    public DateOnly? ProgrammeEnd { get; private set; }

    /// <summary>What the page says about the rules of today (the partial _RulesInForce).</summary>
    public RulesToday Rules => new(RulesInForce, ProgrammeEnd, Today);

    /// <summary>The group's stamp when the form was shown; a save fails if someone changed it since.</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    /// <summary>Which operation this page performs on the group; mentors' pages work on their own group.</summary>
    protected virtual OperationAuthorizationRequirement Operation => GroupOperations.Work;

    /// <summary>Where a successful change leads: the page showing the group.</summary>
    protected virtual string GroupPage => "/Groups/Details";

    protected async Task<bool> LoadGroupAsync(int id)
    {
        var group = await db.MentoringGroups
            .Include(g => g.Members)
            .Include(g => g.History)
            .AsSplitQuery()
            .SingleOrDefaultAsync(g => g.Id == id);
        if (group is null || !(await authorization.AuthorizeAsync(User, group, Operation)).Succeeded)
            return false;
        Group = group;
        (RulesInForce, ProgrammeEnd) = await db.RulesOnAsync(time.TodayInGermany());
        return true;
    }

    /// <summary>Loads the group and one of its members: a member id from another group is a 404 like any other.</summary>
    protected async Task<bool> LoadMemberAsync(int id, int memberId)
    {
        if (!await LoadGroupAsync(id) || Group.Members.SingleOrDefault(m => m.Id == memberId) is not { } member) return false;
        Member = member;
        return true;
    }

    /// <summary>What the group pages show of the loaded group: its municipality, rule set and, once dissolved, who continues the support.</summary>
    protected async Task<GroupOverview> OverviewAsync(bool memberActions, bool accessRequests = false)
    {
        var ruleSet = Group.RuleSetId is { } ruleSetId
            ? await db.RuleSets.AsNoTracking().SingleAsync(r => r.Id == ruleSetId)
            : null;
        var municipality = await MunicipalityLookup.LabelAsync(db, Group.HomeMunicipalityAgs) ?? string.Empty;
        // Projected, so the sponsorship's ledger is not loaded for one name.
        var continuedBy = Group.Status == GroupStatus.Dissolved
            ? await db.Sponsorships.Where(s => s.GroupId == Group.Id && s.ContinuedSupportBy != null)
                .Select(s => s.ContinuedSupportBy).FirstOrDefaultAsync()
            : null;
        return new GroupOverview(Group, municipality, ruleSet, memberActions, continuedBy, accessRequests);
    }

    /// <summary>Saves a domain command the <see cref="PageSave"/> way, against the group's stamp the form was shown with.</summary>
    /// <remarks>
    /// On failure the group is loaded again, so the page shows what is saved, not the refused change. The
    /// form keeps the version it was shown with: after a conflict, saving again fails until the page is
    /// reloaded, so a second click cannot overwrite the other person's change.
    /// </remarks>
    protected async Task<bool> TryChangeAsync(Action command, string errorKey = "", Func<Task>? notify = null)
    {
        if (await db.TrySaveAsync(Group, g => g.ConcurrencyStamp, Version, command, ModelState, l,
                new(l["Die Gruppe wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie Ihre Eingaben."], Key: errorKey), notify))
            return true;
        var shownMember = Member;
        await LoadGroupAsync(Group.Id);
        // The member may have been removed meanwhile: the page still names who the form was about.
        if (shownMember is not null) Member = Group.Members.SingleOrDefault(m => m.Id == shownMember.Id) ?? shownMember;
        return false;
    }

    protected DateOnly Today => time.TodayInGermany();
    protected DateTime UtcNow => time.UtcNow();

    protected IActionResult Done(string status, int id)
    {
        TempData["Status"] = status;
        return RedirectToPage(GroupPage, new { id });
    }
}
