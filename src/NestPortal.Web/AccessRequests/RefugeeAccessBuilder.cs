using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Documents;
using NestPortal.Domain.Households;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.AccessRequests;

/// <summary>
/// The GDPR Art. 15 export for one refugee: their own fields, the household-level data about them, to whom
/// it was disclosed (the sponsoring groups, the municipalities allocated to), the documents of the household and its
/// sponsorships (names, never contents), who viewed it and what changed.
/// Of the other persons of the household it tells only how many there are.
/// </summary>
public sealed class RefugeeAccessBuilder(NestPortalDbContext db, IStringLocalizer l, Countries countries)
{
    /// <param name="household">Loaded with its persons and allocations (through the household scope).</param>
    public async Task<RefugeeAccessReport> BuildAsync(Household household, Refugee person, DateTime nowUtc)
    {
        var agsList = household.Allocations.Select(a => a.MunicipalityAgs).Distinct().ToList();
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => agsList.Contains(m.Ags))
            .ToDictionaryAsync(m => m.Ags, m => m.Name);
        string MunicipalityName(Domain.Municipalities.Ags ags) => municipalities.TryGetValue(ags, out var name) ? name : ags.ToString();

        var groups = await db.Sponsorships.AsNoTracking().Where(s => s.HouseholdId == household.Id)
            .Join(db.MentoringGroups, s => s.GroupId, g => g.Id, (s, g) => new { g.Name, s.MatchedOn, s.Status, s.CompletedOn, s.Id })
            .OrderBy(x => x.MatchedOn).ThenBy(x => x.Id)
            .ToListAsync();

        // The household's documents and its sponsorships' (the lease, the rent account): names and who uploaded them, never the files.
        var sponsorshipIds = groups.Select(g => g.Id).ToList();
        var documents = await db.Documents.AsNoTracking()
            .Where(d => (d.OwnerKind == DocumentOwnerKind.Household && d.OwnerId == household.Id)
                        || (d.OwnerKind == DocumentOwnerKind.Sponsorship && sponsorshipIds.Contains(d.OwnerId)))
            .ToListAsync();

        var personId = person.Id.ToString(CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Refugee) && a.EntityId == personId)
            .OrderBy(a => a.Id)
            .ToListAsync();

        var allocations = household.Allocations.OrderBy(a => a.IssuedAtUtc).ThenBy(a => a.Id).ToList();
        DateOnly? accessEnd = groups.Count > 0 && groups.All(g => g.Status == SponsorshipStatus.Completed) ? groups.Max(g => g.CompletedOn) : null;
        return new RefugeeAccessReport(
            Clock.InGermanyWithOffset(nowUtc),
            new RefugeeData(person.Id, person.GivenName, person.FamilyName, person.DateOfBirth, HouseholdTexts.Sex(l, person.Sex),
                person.NationalityCode, countries.Name(person.NationalityCode), person.FirstRefugeCountryCode, countries.Name(person.FirstRefugeCountryCode),
                person.AdmissionDecisionDate, person.AdmissionDecisionReference, person.VisaDate, person.ArrivedOn, person.LeftOn,
                person.DepartureReason is { } reason ? HouseholdTexts.DepartureReason(l, reason) : null, person.DepartureNote,
                person.AgeAtArrival, person.ErasedOn),
            new HouseholdData(household.Reference, household.ExpectedArrival, household.PrincipalName, household.SpecialNeedsNote,
                HouseholdTexts.Status(l, household.Status), household.Persons.Count(p => p.Id != person.Id)),
            allocations.Select(a => new AllocationData(MunicipalityName(a.MunicipalityAgs), a.MunicipalityAgs.ToString(), a.DecisionDate,
                a.FileReference, a.EffectiveDate, a.LegalBasis, a.IsCurrent,
                a.SupersededAtUtc is { } superseded ? Clock.InGermanyWithOffset(superseded) : null,
                a.AcknowledgedAtUtc is { } acknowledged ? Clock.InGermanyWithOffset(acknowledged) : null)).ToList(),
            groups.Select(g => new GroupDisclosure(g.Name, g.MatchedOn, g.Status == SponsorshipStatus.Running ? l["läuft"] : l["abgeschlossen"])).ToList(),
            // A municipality sees the household while its allocation is the current one and a sponsorship
            // runs (HouseholdScope): access ends with the allocation's replacement or the last completion.
            allocations.Select(a => new MunicipalityDisclosure(MunicipalityName(a.MunicipalityAgs), a.MunicipalityAgs.ToString(),
                Clock.DayInGermany(a.IssuedAtUtc), Earliest(a.SupersededAtUtc is { } until ? Clock.DayInGermany(until) : null, accessEnd))).ToList(),
            DocumentLines.Entries(documents, l),
            entries.Where(e => e.Action == AuditAction.Viewed).Select(e => AuditLines.View(e, l)).ToList(),
            entries.Where(e => e.Action != AuditAction.Viewed).Select(e => AuditLines.Change(e, l)).ToList());
    }

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
