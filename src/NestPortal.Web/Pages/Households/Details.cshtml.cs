using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Households;

/// <summary>
/// One household as the competence centre sees it: persons with every recorded field and departure,
/// the special-needs note, allocations (current and superseded), the sponsorship, and the history.
/// </summary>
public sealed class DetailsModel(NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, Countries countries,
    MunicipalityRegister register)
    : HouseholdPageModel(db, time, l)
{
    public IReadOnlyDictionary<Ags, string> MunicipalityNames { get; private set; } = new Dictionary<Ags, string>();
    public SponsorshipSummary? Sponsorship { get; private set; }
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];
    public bool MoreHistory { get; private set; }

    /// <summary>Somebody has arrived and not left: a departure can be recorded.</summary>
    public bool SomeoneInProgramme => Household.Persons.Any(p => p.ArrivedOn is not null && !p.HasLeft);

    public string Country(string code) => countries.Name(code);

    public string MunicipalityName(Ags ags) => MunicipalityNames.TryGetValue(ags, out var name) ? name : ags.ToString();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadHouseholdAsync(id, readOnly: true)) return NotFound();
        var municipalities = await register.GetAsync(HttpContext.RequestAborted);
        MunicipalityNames = Household.Allocations.Select(a => a.MunicipalityAgs).Distinct()
            .ToDictionary(ags => ags, municipalities.NameOf);
        Sponsorship = await Db.Sponsorships.Where(s => s.HouseholdId == id)
            .OrderByDescending(s => s.Id)
            .Select(s => new SponsorshipSummary(s.Id,
                Db.MentoringGroups.Where(g => g.Id == s.GroupId).Select(g => g.Name).FirstOrDefault() ?? string.Empty,
                s.Apartment.Street, s.Apartment.PostalCode, s.Apartment.City, s.RentEndsOn))
            .FirstOrDefaultAsync();
        (History, MoreHistory) = await new HouseholdHistory(Db, L, countries).LoadAsync(Household, MunicipalityName);
        return Page();
    }

    public sealed record SponsorshipSummary(int Id, string GroupName, string Street, string PostalCode, string City, DateOnly? RentEndsOn)
    {
        public string Address => $"{Street}, {PostalCode} {City}";
    }
}
