using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Pages.Groups;

namespace NestPortal.Web.Pages.Review;

/// <summary>
/// The competence centre records that an approved group dissolved and, when it sponsors a family, who
/// continues the support. Both are saved together; the rent keeps being paid from the account.
/// </summary>
public sealed class DissolveModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l,
    IValidator<EndingInput> validator, ILogger<DissolveModel> logger) : GroupPageModel(db, authorization, time, l)
{
    protected override OperationAuthorizationRequirement Operation => GroupOperations.Review;
    protected override string GroupPage => "/Review/Details";

    [BindProperty] public EndingInput Input { get; set; } = new();
    [BindProperty] public string? ContinuedSupportBy { get; set; }

    /// <summary>The sponsorship's stamp when the form was shown, so a concurrent change to it is not overwritten.</summary>
    [BindProperty] public Guid? SponsorshipVersion { get; set; }

    /// <summary>The group's running sponsorship, if any: its support needs someone to carry it on.</summary>
    public Sponsorship? Sponsorship { get; private set; }

    public string? HouseholdReference { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Group.Status != GroupStatus.Approved) return RedirectToPage(GroupPage, new { id });
        Input.On = Today;
        Version = Group.ConcurrencyStamp;
        SponsorshipVersion = Sponsorship?.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        if (Sponsorship is not null && SponsorshipVersion is { } shown)
            Db.Entry(Sponsorship).Property(s => s.ConcurrencyStamp).OriginalValue = shown;
        // A form without the sponsorship's version cannot prove it is current: refused like a stale one.
        else if (Sponsorship is not null) Version = null;
        if (!await TryChangeAsync(DissolveAndHandOver))
        {
            // The group was loaded again; the sponsorship too, so the page shows what is saved.
            Sponsorship = await RunningSponsorshipAsync(id);
            return Page();
        }

        logger.LogInformation("Group {GroupId} dissolved", id);
        return Done(L["Die Auflösung der Gruppe ist erfasst."], id);
    }

    /// <summary>Both steps, every broken rule of either named at once; nothing is saved unless both hold.</summary>
    private void DissolveAndHandOver()
    {
        var errors = new List<DomainError>();
        Collect(errors, () => Group.Dissolve(Input.On!.Value, Input.Reason!, Today, User.ToActor(), UtcNow));
        if (Sponsorship is not null) Collect(errors, () => Sponsorship.RecordContinuedSupport(ContinuedSupportBy ?? string.Empty));
        if (errors.Count > 0) throw new DomainException(errors);
    }

    private static void Collect(List<DomainError> errors, Action step)
    {
        try
        {
            step();
        }
        catch (DomainException exception)
        {
            errors.AddRange(exception.Errors);
        }
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (!await LoadGroupAsync(id)) return false;
        Sponsorship = await RunningSponsorshipAsync(id);
        return true;
    }

    private async Task<Sponsorship?> RunningSponsorshipAsync(int groupId)
    {
        var sponsorship = await Db.Sponsorships.SingleOrDefaultAsync(s => s.GroupId == groupId && s.Status == SponsorshipStatus.Running);
        HouseholdReference = sponsorship is null
            ? null
            : await Db.Households.Where(h => h.Id == sponsorship.HouseholdId).Select(h => h.Reference).SingleAsync();
        return sponsorship;
    }
}
