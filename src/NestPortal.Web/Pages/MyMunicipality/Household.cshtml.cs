using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Letters;

namespace NestPortal.Web.Pages.MyMunicipality;

/// <summary>
/// One household allocated to the user's municipality, with what the municipality needs and nothing
/// more: never the special-needs note, never the group itself, only its main contacts. A household
/// allocated elsewhere is a 404 (<see cref="HouseholdScope"/>). Every person shown is an audited view.
/// </summary>
public sealed class HouseholdModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<HouseholdModel.AcknowledgeInput> validator,
    DecisionLetters letters)
    : PageModel
{
    [BindProperty] public AcknowledgeInput Acknowledge { get; set; } = new();

    /// <summary>The household's stamp when the page was shown; acknowledging fails if it changed since.</summary>
    [BindProperty] public Guid? Version { get; set; }

    public MunicipalityHousehold View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is not { } household) return NotFound();
        Version = household.ConcurrencyStamp;
        await ShowAsync(household);
        return Page();
    }

    /// <summary>
    /// A decision letter addressed to this municipality, byte for byte as stored (ADR 0023); a decision
    /// addressed to another municipality is a 404 even on a household now allocated here. An audited view.
    /// </summary>
    public async Task<IActionResult> OnGetLetterAsync(int id, int allocationId, bool download = false)
    {
        if (await LoadAsync(id) is not { } household) return NotFound();
        var allocation = household.Allocations.SingleOrDefault(a => a.Id == allocationId);
        if (allocation is null || allocation.MunicipalityAgs != User.MunicipalityAgs()) return NotFound();
        var (letter, municipality) = await letters.FindOrWriteAsync(household, allocation);
        if (letter is null)
        {
            // Never an incomplete letter: the page says what is missing (the competence centre records the address).
            Missing = l["Für {0} fehlt die Postanschrift der Verwaltung. Das Kompetenzzentrum für Integration trägt sie ein; danach steht der Brief hier bereit.", municipality.Name];
            Version = household.ConcurrencyStamp;
            await ShowAsync(household);
            return Page();
        }

        db.RecordView(nameof(Allocation), allocation.Id);
        foreach (var person in household.Persons) db.RecordView(nameof(Refugee), person.Id);
        await db.SaveViewsAsync(HttpContext);
        return LetterFile.Serve(Response, letter, download);
    }

    /// <summary>Why the letter cannot be shown, when it cannot.</summary>
    public string? Missing { get; private set; }

    public async Task<IActionResult> OnPostAcknowledgeAsync(int id)
    {
        if (await LoadAsync(id) is not { } household) return NotFound();
        if (await validator.ValidateIntoAsync(Acknowledge, ModelState, nameof(Acknowledge)) && await TryAcknowledgeAsync(household))
        {
            TempData["Status"] = l["Der Eingang der Zuweisung ist bestätigt."].Value;
            return RedirectToPage(new { id });
        }

        // Shown again as it is saved now: a refused or stale acknowledgement changed nothing.
        if (await LoadAsync(id) is not { } current) return NotFound();
        await ShowAsync(current);
        return Page();
    }

    private Task<bool> TryAcknowledgeAsync(Household household) =>
        db.TrySaveAsync(household, h => h.ConcurrencyStamp, Version,
            () => household.AcknowledgeAllocation(Acknowledge.AllocationId!.Value, User.MunicipalityAgs()!.Value, User.ToActor(), time.UtcNow()),
            ModelState, l, new(l["Die Familie wurde inzwischen geändert. Bitte laden Sie die Seite neu und prüfen Sie die Zuweisung."]));

    private Task<Household?> LoadAsync(int id) =>
        db.HouseholdsVisibleTo(User)
            .Include(h => h.Persons)
            .Include(h => h.Allocations)
            .AsSplitQuery()
            .SingleOrDefaultAsync(h => h.Id == id);

    /// <summary>Builds what the page shows and logs that this user saw each person (ADR 0006).</summary>
    private async Task ShowAsync(Household household)
    {
        var sponsorship = await db.Sponsorships.AsNoTracking()
            .Where(s => s.HouseholdId == household.Id)
            .Select(s => new
            {
                s.GroupId, s.SupportMonths, s.RentFirstMonth, s.RentEndsOn,
                s.Apartment.Street, s.Apartment.PostalCode, s.Apartment.City, s.Apartment.MonthlyNetColdRent,
            })
            .SingleOrDefaultAsync();
        var contacts = sponsorship is null ? [] : await db.MentoringGroups.AsNoTracking()
            .Where(g => g.Id == sponsorship.GroupId)
            .SelectMany(g => g.Members)
            .Where(m => m.IsMainContact)
            .ToListAsync();

        var supportMonths = sponsorship?.SupportMonths;
        var persons = household.Persons.OrderBy(p => p.DateOfBirth).ThenBy(p => p.GivenName)
            .Select(p => new PersonRow(p.Id, p.DisplayName, p.DateOfBirth, p.ArrivedOn, p.LeftOn, p.DepartureReason, p.DepartureNote,
                supportMonths is { } months ? p.SupportEndsOn(months) : null))
            .ToList();
        View = new MunicipalityHousehold(
            household.Id, household.Reference, household.Status, household.ExpectedArrival, persons,
            sponsorship is null ? null : new FlatRow($"{sponsorship.Street}, {sponsorship.PostalCode} {sponsorship.City}",
                sponsorship.MonthlyNetColdRent, sponsorship.RentFirstMonth, sponsorship.RentEndsOn,
                supportMonths is { } support ? household.SupportEndsOn(support) : null),
            contacts.Select(c => new ContactRow(c.DisplayName, c.Email, c.Phone)).ToList(),
            household.CurrentAllocation is { } allocation
                ? new AllocationRow(allocation.Id, allocation.DecisionDate, allocation.FileReference, allocation.LegalBasis, allocation.EffectiveDate,
                    allocation.AcknowledgedByName, allocation.AcknowledgedAtUtc is { } at ? Clock.InGermany(at) : null)
                : null);

        foreach (var person in persons) db.RecordView(nameof(Refugee), person.Id);
        // A busy writer must not fail the page: the rows are spooled and written shortly after (ADR 0022).
        await db.SaveViewsAsync(HttpContext);
    }

    public sealed class AcknowledgeInput
    {
        public int? AllocationId { get; set; }
        public bool Confirmed { get; set; }
    }

    public sealed class AcknowledgeValidator : AbstractValidator<AcknowledgeInput>
    {
        public AcknowledgeValidator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.AllocationId).NotNull().WithMessage(_ => l["Bitte laden Sie die Seite neu; die Zuweisung fehlt im Formular."]);
            RuleFor(x => x.Confirmed).Equal(true).WithMessage(_ => l["Bitte bestätigen Sie, dass Ihnen die Zuweisungsentscheidung vorliegt."]);
        }
    }

    public sealed record MunicipalityHousehold(int Id, string Reference, HouseholdStatus Status, DateOnly? ExpectedArrival,
        IReadOnlyList<PersonRow> Persons, FlatRow? Flat, IReadOnlyList<ContactRow> MainContacts, AllocationRow? Allocation);

    public sealed record PersonRow(int Id, string Name, DateOnly DateOfBirth, DateOnly? ArrivedOn, DateOnly? LeftOn,
        DepartureReason? DepartureReason, string? DepartureNote, DateOnly? SupportEndsOn);

    public sealed record FlatRow(string Address, decimal MonthlyNetColdRent, DateOnly RentFirstMonth, DateOnly? RentEndsOn, DateOnly? SupportEndsOn);

    public sealed record ContactRow(string Name, string Email, string? Phone);

    public sealed record AllocationRow(int Id, DateOnly DecisionDate, string FileReference, string LegalBasis, DateOnly EffectiveDate,
        string? AcknowledgedBy, DateTime? AcknowledgedAt);
}
