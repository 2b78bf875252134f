using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Identity;
using NestPortal.Domain.Documents;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.AccessRequests;

/// <summary>
/// The GDPR Art. 15 export for one mentor, the same for the competence centre (from a member of a group)
/// and for the mentor themself (from their signed-in account): every member record with their email, the
/// groups (households only by reference), the documents the account uploaded and those of the groups (names,
/// never contents), the portal account without any secret, what the account did and what was recorded about the
/// member records.
/// </summary>
public sealed class MentorAccessBuilder(NestPortalDbContext db, UserManager<PortalUser> users, IStringLocalizer l)
{
    /// <summary>
    /// Staff: a member's email. The account is the one whose confirmed address it is; an unconfirmed
    /// registration with the same address proves nothing about who holds it.
    /// </summary>
    public async Task<MentorAccessReport> ForMemberAsync(string memberEmail, DateTime nowUtc)
    {
        var account = await users.FindByEmailAsync(memberEmail);
        return await BuildAsync(Mentor.NormaliseEmail(memberEmail), account is { EmailConfirmed: true } ? account : null, nowUtc);
    }

    /// <summary>The signed-in mentor: their account, and member records only under its confirmed email.</summary>
    public Task<MentorAccessReport> ForAccountAsync(PortalUser account, DateTime nowUtc) =>
        BuildAsync(account is { EmailConfirmed: true, Email: { } email } ? Mentor.NormaliseEmail(email) : null, account, nowUtc);

    private async Task<MentorAccessReport> BuildAsync(string? email, PortalUser? account, DateTime nowUtc)
    {
        var accountId = account?.Id;
        var groups = await db.MentoringGroups.AsNoTracking().Include(g => g.Members)
            .Where(g => (email != null && g.Members.Any(m => m.Email == email)) || (accountId != null && g.CreatedByUserId == accountId))
            .OrderBy(g => g.Name).ThenBy(g => g.Id)
            .ToListAsync();
        var groupIds = groups.Select(g => g.Id).ToList();
        var agsList = groups.Select(g => g.HomeMunicipalityAgs).Distinct().ToList();
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => agsList.Contains(m.Ags)).ToDictionaryAsync(m => m.Ags, m => m.Name);
        var sponsorships = await db.Sponsorships.AsNoTracking().Where(s => groupIds.Contains(s.GroupId))
            .Join(db.Households, s => s.HouseholdId, h => h.Id, (s, h) => new { s.GroupId, h.Reference, s.MatchedOn, s.Status, s.Id })
            .OrderBy(x => x.MatchedOn).ThenBy(x => x.Id)
            .ToListAsync();

        // What the account uploaded (to any record) and the documents of the groups (training certificates, declarations).
        var documents = await db.Documents.AsNoTracking()
            .Where(d => (d.OwnerKind == DocumentOwnerKind.Group && groupIds.Contains(d.OwnerId)) || (accountId != null && d.UploadedByUserId == accountId))
            .ToListAsync();

        var members = groups.SelectMany(g => g.Members.Where(m => m.Email == email).Select(m => (Group: g, Member: m))).ToList();
        var memberIds = members.Select(x => x.Member.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var memberEntries = memberIds.Count == 0
            ? []
            : await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(Mentor) && memberIds.Contains(a.EntityId))
                .OrderBy(a => a.Id).ToListAsync();

        var actionCount = 0;
        List<Data.Auditing.AuditEntry> actions = [];
        AccountData? accountData = null;
        if (account is not null)
        {
            actionCount = await db.AuditEntries.CountAsync(a => a.UserId == accountId);
            actions = await db.AuditEntries.AsNoTracking().Where(a => a.UserId == accountId)
                .OrderByDescending(a => a.Id).Take(MentorAccessReport.ActionLimit).ToListAsync();
            var roles = await users.GetRolesAsync(account);
            accountData = new AccountData(account.Email, account.UserName, account.DisplayName, Clock.InGermanyWithOffset(account.CreatedAtUtc),
                account.EmailConfirmed, account.TwoFactorEnabled, roles.Select(r => RoleTexts.Name(l, r)).ToList());
        }

        return new MentorAccessReport(
            Clock.InGermanyWithOffset(nowUtc),
            email,
            accountData,
            members.Select(x => Member(x.Group, x.Member)).ToList(),
            groups.Select(g => new GroupData(g.Id, g.Name, GroupTexts.Status(l, g.Status),
                municipalities.TryGetValue(g.HomeMunicipalityAgs, out var name) ? name : g.HomeMunicipalityAgs.ToString(),
                g.SubmittedOn, accountId is not null && g.CreatedByUserId == accountId,
                sponsorships.Where(s => s.GroupId == g.Id)
                    .Select(s => new SponsorshipData(s.Reference, s.MatchedOn, s.Status == SponsorshipStatus.Running ? l["läuft"] : l["abgeschlossen"]))
                    .ToList())).ToList(),
            DocumentLines.Entries(documents, l),
            actionCount,
            actions.Select(a => AuditLines.Action(a, l)).ToList(),
            memberEntries.Select(e => AuditLines.Change(e, l)).ToList());
    }

    private MemberData Member(MentoringGroup group, Mentor m) =>
        new(m.Id, group.Id, group.Name, m.Kind == MemberKind.LegalPerson ? l["Juristische Person"] : l["Einzelperson"],
            m.GivenName, m.FamilyName, m.OrganisationName, m.RepresentativeName, m.Email, m.Phone, m.DateOfBirth, m.TrainingDate,
            m.IsMainContact, m.LeftOn, m.LeavingReason);
}
