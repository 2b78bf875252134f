using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Outreach;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Lookups;

/// <summary>A record of the audit log as people call it, and its page where the viewer may open it.</summary>
public sealed record AuditRecord(string Name, string? Url);

/// <summary>The account that acted, by e-mail address, and where an administrator finds it.</summary>
public sealed record AuditAccount(string Email, string Url);

/// <summary>Which pages the viewer's roles open, asked once per page through the same policies the pages use.</summary>
public sealed record AuditViewer(bool CompetenceCentre, bool Administrator)
{
    public static async Task<AuditViewer> OfAsync(IAuthorizationService authorization, ClaimsPrincipal user) => new(
        (await authorization.AuthorizeAsync(user, Policies.CompetenceCentre)).Succeeded,
        (await authorization.AuthorizeAsync(user, Policies.Administrator)).Succeeded);
}

/// <summary>
/// Names the records of a page of audit entries ("Familie NEST-2026-014", "Gruppe „Willkommen Hörde“")
/// instead of "Familie 61", with a link where the viewer's roles open the record's page. One query per
/// record type on the page, whatever the number of entries; a record no longer there is named as deleted,
/// an erased household without a link.
/// </summary>
public sealed class AuditRecords(NestPortalDbContext db, IStringLocalizer l, AuditViewer viewer)
{
    private readonly Dictionary<int, (string Reference, bool Erased)> _households = [];
    private readonly Dictionary<int, string> _groups = [];
    private readonly Dictionary<int, (int GroupId, int HouseholdId)> _sponsorships = [];
    private readonly Dictionary<int, int> _sponsorshipOfEntry = [];
    private readonly Dictionary<int, int> _sponsorshipOfRentChange = [];
    private readonly Dictionary<int, (int HouseholdId, Ags Ags)> _allocations = [];
    private readonly Dictionary<int, (int EventId, Ags Ags)> _outreachMunicipalities = [];
    private readonly Dictionary<int, string> _outreachEvents = [];
    private readonly Dictionary<string, string> _municipalities = [];
    private readonly Dictionary<int, string> _ruleSets = [];
    private readonly Dictionary<string, AuditAccount> _accounts = [];

    /// <summary>Accounts the entries are about (administration steps), by address; for administrators only.</summary>
    private readonly Dictionary<string, string> _accountRecords = [];

    /// <summary>Persons and members whose entry names no parent (a view is logged without one): their household or group.</summary>
    private readonly Dictionary<int, int> _householdOfPerson = [];
    private readonly Dictionary<int, int> _groupOfMember = [];

    /// <summary>Looks up every record the entries name (and, for administrators, the acting accounts).</summary>
    public async Task LoadAsync(IReadOnlyCollection<AuditEntry> entries)
    {
        List<int> Ids(string type, Func<AuditEntry, string?>? key = null) => entries.Where(e => e.EntityType == type)
            .Select(key ?? (e => e.EntityId)).Select(Int).OfType<int>().Distinct().ToList();

        // Parts first: they lead to the records they belong to, which are then looked up with the others.
        var entryIds = Ids(nameof(EscrowEntry));
        if (entryIds.Count > 0)
            foreach (var (id, sponsorship) in await db.EscrowEntries.AsNoTracking().Where(e => entryIds.Contains(e.Id))
                         .Select(e => new ValueTuple<int, int>(e.Id, e.SponsorshipId)).ToListAsync())
                _sponsorshipOfEntry[id] = sponsorship;
        var rentChangeIds = Ids(nameof(RentChange));
        if (rentChangeIds.Count > 0)
            foreach (var (id, sponsorship) in await db.RentChanges.AsNoTracking().Where(c => rentChangeIds.Contains(c.Id))
                         .Select(c => new ValueTuple<int, int>(c.Id, c.SponsorshipId)).ToListAsync())
                _sponsorshipOfRentChange[id] = sponsorship;
        var allocationIds = Ids(nameof(Allocation));
        if (allocationIds.Count > 0)
            foreach (var a in await db.Allocations.AsNoTracking().Where(a => allocationIds.Contains(a.Id))
                         .Select(a => new { a.Id, a.HouseholdId, a.MunicipalityAgs }).ToListAsync())
                _allocations[a.Id] = (a.HouseholdId, a.MunicipalityAgs);
        var outreachMunicipalityIds = Ids(nameof(OutreachMunicipality));
        if (outreachMunicipalityIds.Count > 0)
            foreach (var o in await db.OutreachMunicipalities.AsNoTracking().Where(o => outreachMunicipalityIds.Contains(o.Id))
                         .Select(o => new { o.Id, o.OutreachEventId, o.MunicipalityAgs }).ToListAsync())
                _outreachMunicipalities[o.Id] = (o.OutreachEventId, o.MunicipalityAgs);

        var personIds = Ids(nameof(Refugee), e => e.ParentId is null ? e.EntityId : null);
        if (personIds.Count > 0)
            foreach (var p in await db.Refugees.AsNoTracking().Where(r => personIds.Contains(r.Id))
                         .Select(r => new { r.Id, HouseholdId = EF.Property<int>(r, "HouseholdId") }).ToListAsync())
                _householdOfPerson[p.Id] = p.HouseholdId;
        var memberIds = Ids(nameof(Mentor), e => e.ParentId is null ? e.EntityId : null);
        if (memberIds.Count > 0)
            foreach (var m in await db.Set<Mentor>().AsNoTracking().Where(m => memberIds.Contains(m.Id))
                         .Select(m => new { m.Id, GroupId = EF.Property<int>(m, "GroupId") }).ToListAsync())
                _groupOfMember[m.Id] = m.GroupId;

        var sponsorshipIds = Ids(nameof(Sponsorship)).Concat(_sponsorshipOfEntry.Values).Concat(_sponsorshipOfRentChange.Values).Distinct().ToList();
        if (sponsorshipIds.Count > 0)
            foreach (var s in await db.Sponsorships.AsNoTracking().Where(s => sponsorshipIds.Contains(s.Id))
                         .Select(s => new { s.Id, s.GroupId, s.HouseholdId }).ToListAsync())
                _sponsorships[s.Id] = (s.GroupId, s.HouseholdId);

        var householdIds = Ids(nameof(Household))
            .Concat(Ids(nameof(Refugee), e => e.ParentType == nameof(Household) ? e.ParentId : null)).Concat(_householdOfPerson.Values)
            .Concat(_allocations.Values.Select(a => a.HouseholdId)).Concat(_sponsorships.Values.Select(s => s.HouseholdId))
            .Distinct().ToList();
        if (householdIds.Count > 0)
            foreach (var h in await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
                         .Select(h => new { h.Id, h.Reference, h.ErasedOn }).ToListAsync())
                _households[h.Id] = (h.Reference, h.ErasedOn is not null);

        var groupIds = Ids(nameof(MentoringGroup))
            .Concat(Ids(nameof(Mentor), e => e.ParentType == nameof(MentoringGroup) ? e.ParentId : null)).Concat(_groupOfMember.Values)
            .Concat(_sponsorships.Values.Select(s => s.GroupId)).Distinct().ToList();
        if (groupIds.Count > 0)
            foreach (var g in await db.MentoringGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
                         .Select(g => new { g.Id, g.Name }).ToListAsync())
                _groups[g.Id] = g.Name;

        var eventIds = Ids(nameof(OutreachEvent)).Concat(_outreachMunicipalities.Values.Select(o => o.EventId)).Distinct().ToList();
        if (eventIds.Count > 0)
            foreach (var o in await db.OutreachEvents.AsNoTracking().Where(o => eventIds.Contains(o.Id))
                         .Select(o => new { o.Id, o.Title }).ToListAsync())
                _outreachEvents[o.Id] = o.Title;

        var agsList = entries.Where(e => e.EntityType == nameof(Municipality)).Select(e => Ags.TryParse(e.EntityId, out var ags) ? ags : (Ags?)null)
            .OfType<Ags>().Concat(_allocations.Values.Select(a => a.Ags)).Concat(_outreachMunicipalities.Values.Select(o => o.Ags)).Distinct().ToList();
        if (agsList.Count > 0)
            foreach (var m in await db.Municipalities.AsNoTracking().Where(m => agsList.Contains(m.Ags))
                         .Select(m => new { m.Ags, m.Name }).ToListAsync())
                _municipalities[m.Ags.Value] = m.Name;

        var ruleSetIds = Ids(nameof(ProgrammeRuleSet));
        if (ruleSetIds.Count > 0)
            foreach (var r in await db.RuleSets.AsNoTracking().Where(r => ruleSetIds.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync())
                _ruleSets[r.Id] = r.Name;

        // Who acted, and which accounts were administered, by address: only administrators manage accounts
        // (and may read their addresses).
        var actorIds = viewer.Administrator ? entries.Select(e => e.UserId).OfType<string>().Distinct().ToList() : [];
        var accountIds = viewer.Administrator
            ? entries.Where(e => e.EntityType == NestPortalDbContext.AccountEntityType).Select(e => e.EntityId).Distinct().ToList()
            : [];
        var userIds = actorIds.Concat(accountIds).Distinct().ToList();
        if (userIds.Count > 0)
            foreach (var u in await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.Email != null)
                         .Select(u => new { u.Id, u.Email }).ToListAsync())
            {
                if (actorIds.Contains(u.Id)) _accounts[u.Id] = new AuditAccount(u.Email!, AccountUrl(u.Id));
                if (accountIds.Contains(u.Id)) _accountRecords[u.Id] = u.Email!;
            }
    }

    /// <summary>An account's page for administrators.</summary>
    public static string AccountUrl(string userId) => "/Admin/Users/Details?id=" + Uri.EscapeDataString(userId);

    /// <summary>The acting account of an entry, for administrators; null for the system, a deleted account or other viewers.</summary>
    public AuditAccount? Account(AuditEntry entry) => entry.UserId is { } id ? _accounts.GetValueOrDefault(id) : null;

    /// <summary>The record an entry is about, named and (where the viewer may open it) linked.</summary>
    public AuditRecord Record(AuditEntry entry)
    {
        var id = Int(entry.EntityId);
        // A person's or a member's whole is in the log itself, so a removed person still names its household;
        // a view names none, the person's record does.
        var parent = Int(entry.ParentId) ?? (id is { } own ? WholeOf(entry.EntityType, own) : null);
        return entry.EntityType switch
        {
            nameof(Household) => Family(id) is { } family
                ? new AuditRecord(family.Erased ? l["Familie {0} (Daten gelöscht)", family.Reference] : l["Familie {0}", family.Reference], family.Url)
                : Deleted(entry.EntityType),
            nameof(Refugee) when Family(parent) is { } family =>
                new AuditRecord(l["Person der Familie {0}", family.Reference], family.Url),
            nameof(Allocation) when id is { } a && _allocations.TryGetValue(a, out var allocation) && Family(allocation.HouseholdId) is { } family =>
                new AuditRecord(l["Zuweisung der Familie {0} an {1}", family.Reference, Municipality(allocation.Ags)], family.Url),
            nameof(MentoringGroup) => Group(id) is { } group ? new AuditRecord(l["Gruppe „{0}“", group.Name], group.Url) : Deleted(entry.EntityType),
            nameof(Mentor) when Group(parent) is { } group =>
                new AuditRecord(l["Mitglied der Gruppe „{0}“", group.Name], group.Url),
            nameof(Sponsorship) when Match(id) is { } match => new AuditRecord(l["Mentoring-Übernahme: Gruppe „{0}“, Familie {1}", match.Group, match.Family],
                viewer.CompetenceCentre ? $"/Sponsorships/Details/{id}" : null),
            nameof(EscrowEntry) when id is { } e && _sponsorshipOfEntry.TryGetValue(e, out var s) && Match(s) is { } match =>
                new AuditRecord(l["Buchung auf dem Mietkonto der Familie {0}", match.Family], EscrowUrl(s)),
            nameof(RentChange) when id is { } c && _sponsorshipOfRentChange.TryGetValue(c, out var s) && Match(s) is { } match =>
                new AuditRecord(l["Mietänderung auf dem Mietkonto der Familie {0}", match.Family], EscrowUrl(s)),
            nameof(ProgrammeRuleSet) when id is { } r && _ruleSets.TryGetValue(r, out var name) =>
                new AuditRecord(l["Programmregeln „{0}“", name], viewer.Administrator ? "/Admin/RuleSets" : null),
            nameof(OutreachEvent) when Outreach(id) is { } outreach => new AuditRecord(l["Maßnahme „{0}“", outreach.Title], outreach.Url),
            nameof(OutreachMunicipality) when id is { } o && _outreachMunicipalities.TryGetValue(o, out var part) && Outreach(part.EventId) is { } outreach =>
                new AuditRecord(l["{0} bei der Maßnahme „{1}“", Municipality(part.Ags), outreach.Title], outreach.Url),
            nameof(Municipality) when _municipalities.TryGetValue(entry.EntityId, out var name) =>
                new AuditRecord(name, viewer.CompetenceCentre ? "/Municipalities/Details/" + entry.EntityId : null),
            NestPortalDbContext.AccountEntityType when _accountRecords.TryGetValue(entry.EntityId, out var email) =>
                new AuditRecord(l["Benutzerkonto {0}", email], AccountUrl(entry.EntityId)),
            NestPortalDbContext.AuditLogEntityType => new AuditRecord(l["Suche im Protokoll"], null),
            NestPortalDbContext.MailEntityType => new AuditRecord(l["E-Mail Nr. {0}", entry.EntityId], viewer.Administrator ? "/Admin/Mails/SendAgain?id=" + entry.EntityId : null),
            _ => Deleted(entry.EntityType),
        };
    }

    private int? WholeOf(string entityType, int part) => entityType switch
    {
        nameof(Refugee) when _householdOfPerson.TryGetValue(part, out var household) => household,
        nameof(Mentor) when _groupOfMember.TryGetValue(part, out var group) => group,
        _ => null,
    };

    /// <summary>A household by its Aktenzeichen; an erased one is not linked (its page has nothing left to show).</summary>
    private (string Reference, bool Erased, string? Url)? Family(int? id) =>
        id is { } h && _households.TryGetValue(h, out var household)
            ? (household.Reference, household.Erased, viewer.CompetenceCentre && !household.Erased ? $"/Households/Details/{h}" : null)
            : null;

    private (string Name, string? Url)? Group(int? id) =>
        id is { } g && _groups.TryGetValue(g, out var name) ? (name, viewer.CompetenceCentre ? $"/Review/Details/{g}" : null) : null;

    /// <summary>A sponsorship by its group and household (either may be gone; the match is still named).</summary>
    private (string Group, string Family)? Match(int? id) =>
        id is { } s && _sponsorships.TryGetValue(s, out var sponsorship)
            ? (Group(sponsorship.GroupId)?.Name ?? l["(gelöscht)"], Family(sponsorship.HouseholdId)?.Reference ?? l["(gelöscht)"])
            : null;

    private string? EscrowUrl(int sponsorshipId) => viewer.CompetenceCentre ? $"/Escrow/Account/{sponsorshipId}" : null;

    private (string Title, string? Url)? Outreach(int? id) =>
        id is { } o && _outreachEvents.TryGetValue(o, out var title) ? (title, viewer.CompetenceCentre ? $"/Outreach/Edit/{o}" : null) : null;

    private string Municipality(Ags ags) => _municipalities.GetValueOrDefault(ags.Value) ?? ags.Value;

    /// <summary>A record no longer there (deleted, or never found): its kind, without a link.</summary>
    private AuditRecord Deleted(string entityType) => new(l["{0} (gelöscht)", AuditTexts.EntityType(l, entityType)], null);

    private static int? Int(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
