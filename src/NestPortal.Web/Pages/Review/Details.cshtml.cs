using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Letters;
using NestPortal.Domain.Letters;
using NestPortal.Web.Notifications;

namespace NestPortal.Web.Pages.Review;

/// <summary>
/// The competence centre reviews one group: records BAMF's security check, then approves it or
/// returns it with remarks for the group to mend.
/// </summary>
public sealed class DetailsModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l,
    IValidator<DetailsModel.SecurityCheckInput> checkValidator, IValidator<DetailsModel.ReturnInput> returnValidator,
    Notifier notifier, ReviewLetters notices, ILogger<DetailsModel> logger)
    : GroupPageModel(db, authorization, time, l)
{
    protected override OperationAuthorizationRequirement Operation => GroupOperations.Review;
    protected override string GroupPage => "/Review/Details";

    [BindProperty] public SecurityCheckInput Check { get; set; } = new();
    [BindProperty] public ReturnInput Return { get; set; } = new();
    public GroupOverview Overview { get; private set; } = null!;

    /// <summary>The group's sponsorships, whose documents are shown beside the group's.</summary>
    public IReadOnlyList<int> SponsorshipIds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Version = Group.ConcurrencyStamp;
        Check.CheckedOn = Group.SecurityCheckDate;
        Check.Result = Group.SecurityCheckResult;
        return Page();
    }

    public async Task<IActionResult> OnPostSecurityCheckAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!await checkValidator.ValidateIntoAsync(Check, ModelState, nameof(Check))) return Page();
        return await TryChangeAsync(() => Group.RecordSecurityCheck(Check.CheckedOn!.Value, Check.Result!.Value, Today, User.ToActor(), UtcNow))
            ? Done(L["Die Sicherheitsüberprüfung ist erfasst."], id)
            : await ShowAgainAsync();
    }

    public async Task<IActionResult> OnPostApproveAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var home = await notices.HomeOfAsync(Group);
        var now = UtcNow;
        // The notice is written only once the domain accepted the step, and saved with it (ADR 0023).
        if (!await TryChangeAsync(() =>
                {
                    Group.Approve(User.ToActor(), now);
                    notices.Add(Group, home, LetterKind.GroupApproval, User.ToActor().Name, now);
                },
                notify: () => notifier.ToGroupContactsAsync(id, GroupNotices.Approved(Group))))
            return await ShowAgainAsync();
        logger.LogInformation("Group {GroupId} approved", id);
        return Done(L["Die Gruppe ist freigegeben."], id);
    }

    public async Task<IActionResult> OnPostReturnAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!await returnValidator.ValidateIntoAsync(Return, ModelState, nameof(Return))) return Page();
        var home = await notices.HomeOfAsync(Group);
        var now = UtcNow;
        if (!await TryChangeAsync(() =>
                {
                    Group.ReturnForChanges(Return.Remarks, User.ToActor(), now);
                    notices.Add(Group, home, LetterKind.GroupReturn, User.ToActor().Name, now);
                },
                notify: () => notifier.ToGroupContactsAsync(id, GroupNotices.Returned(Group))))
            return await ShowAgainAsync();
        logger.LogInformation("Group {GroupId} returned for changes", id);
        return Done(L["Die Gruppe ist mit Ihren Anmerkungen zurückgegeben."], id);
    }

    /// <summary>A notice sent to this group, byte for byte as stored.</summary>
    public async Task<IActionResult> OnGetNoticeAsync(int id, int letterId, bool download = false)
    {
        if (!await LoadGroupAsync(id) || await notices.FindAsync(id, letterId) is not { } letter) return NotFound();
        return LetterFile.Serve(Response, letter, download);
    }

    /// <summary>After a refused change (the group is already loaded again): what is saved now, with the error above it.</summary>
    private async Task<IActionResult> ShowAgainAsync()
    {
        Overview = await OverviewAsync(memberActions: false, accessRequests: true);
        return Page();
    }

    /// <summary>The notices sent to the group, newest first.</summary>
    public IReadOnlyList<ReviewLetters.NoticeRow> Notices { get; private set; } = [];

    private async Task<bool> LoadAsync(int id)
    {
        if (!await LoadGroupAsync(id)) return false;
        Overview = await OverviewAsync(memberActions: false, accessRequests: true);
        Notices = await notices.ListAsync(id);
        SponsorshipIds = await Db.Sponsorships.Where(s => s.GroupId == id).OrderByDescending(s => s.Id).Select(s => s.Id).ToListAsync();
        return true;
    }

    public sealed class SecurityCheckInput
    {
        [Display(Name = "Datum der Überprüfung")]
        public DateOnly? CheckedOn { get; set; }

        [Display(Name = "Ergebnis")]
        public SecurityCheckResult? Result { get; set; }
    }

    public sealed class ReturnInput
    {
        [DataType(DataType.MultilineText)]
        public string Remarks { get; set; } = string.Empty;
    }

    public sealed class SecurityCheckValidator : AbstractValidator<SecurityCheckInput>
    {
        public SecurityCheckValidator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.CheckedOn).NotNull().WithName(_ => l["Datum der Überprüfung"]);
            RuleFor(x => x.Result).NotNull().IsInEnum().WithName(_ => l["Ergebnis"]);
        }
    }

    public sealed class ReturnValidator : AbstractValidator<ReturnInput>
    {
        public ReturnValidator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Remarks).NotEmpty().MaximumLength(4000).WithName(_ => l["Anmerkungen für die Gruppe"]);
        }
    }
}
