using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Lookups;

namespace NestPortal.Web.Import;

public sealed partial class ImportBuilder
{
    private const int SaveEvery = 200;

    private readonly Dictionary<string, Sponsorship> _sponsorships = new(StringComparer.Ordinal);
    private readonly List<PendingMatch> _matches = [];

    /// <summary>The sponsorships this file matched, by group, with the completion their row names, so a group's next row counts them as of its date.</summary>
    private readonly Dictionary<MentoringGroup, List<(Sponsorship Sponsorship, Household Household, DateOnly? CompletedOn)>> _matchedHere = new(ReferenceEqualityComparer.Instance);
    private readonly List<(ImportRow Row, string Reference, HouseholdEntry Household, AllocationDecision Decision)> _allocations = [];

    /// <summary>A sponsorship row read and resolved; matched after the sheet, in the order of the match dates.</summary>
    private sealed record PendingMatch(ImportRow Row, string Reference, GroupEntry Group, HouseholdEntry Household, ProgrammeRuleSet RuleSet,
        string? Reason, Apartment Flat, EscrowAccount Account, DateOnly MatchedOn, SponsorshipEnding? Ending);

    private async Task SponsorshipRowAsync(ImportRow row, string reference)
    {
        var groupReference = row.RequiredText("Gruppe");
        var householdReference = row.RequiredText("Familie");
        var matchedOn = row.RequiredDate("Vermittelt am");
        var ruleSetName = row.Text("Regeln");
        var reason = row.Text("Begründung Regeln");
        var street = row.RequiredText("Straße");
        var postcode = row.RequiredText("PLZ");
        var city = row.RequiredText("Ort");
        var flatMunicipality = row.Municipality("Kommune");
        var livingSpace = row.RequiredAmount("Wohnfläche");
        var rooms = row.RequiredAmount("Zimmer");
        var rent = row.RequiredAmount("Nettokaltmiete");
        var leaseStart = row.RequiredDate("Mietbeginn");
        var owned = row.YesNo("Wohnung der Gruppe");
        var holder = row.RequiredText("Kontoinhaber");
        var iban = row.RequiredText("IBAN");
        var bank = row.RequiredText("Bank");
        var ending = ReadEnding(row);
        if (matchedOn > run.Today)
            row.Error("Vermittelt am", l["Das Datum ({0:dd.MM.yyyy}) liegt in der Zukunft.", matchedOn]);
        if (row.Failed || flatMunicipality is not { } ags) return;
        var group = await GroupAsync(row, "Gruppe", groupReference);
        var household = await HouseholdAsync(row, "Familie", householdReference);
        if (group is null || household is null) return;

        var ruleSet = ruleSetName is null
            ? _ruleSets.FirstOrDefault(r => r.Id == group.Group.RuleSetId)
            : _ruleSets.FirstOrDefault(r => ImportHeaders.Normalise(r.Name) == ImportHeaders.Normalise(ruleSetName));
        if (ruleSet is null)
        {
            row.Error("Regeln", l["Programmregeln „{0}“ gibt es nicht.", ruleSetName ?? string.Empty]);
            return;
        }

        var errors = new List<DomainError>();
        Apartment? flat = null;
        EscrowAccount? account = null;
        try { flat = Apartment.Create(street, postcode, city, ags, livingSpace, rooms, rent, leaseStart, owned, run.Today); }
        catch (DomainException exception) { errors.AddRange(exception.Errors); }
        try { account = EscrowAccount.Create(holder, iban, bank); }
        catch (DomainException exception) { errors.AddRange(exception.Errors); }
        if (errors.Count > 0)
        {
            row.Error(null, new DomainException(errors));
            return;
        }

        _matches.Add(new PendingMatch(row.ForgetCells(), reference, group, household, ruleSet, reason, flat!, account!, matchedOn, ending));
    }

    /// <summary>
    /// Matches the sheet's rows in the order they happened, so that how many sponsorships a group carried
    /// on a match date is known from the earlier ones and their ends (a group may sponsor again after
    /// its first sponsorship ended).
    /// </summary>
    private async Task FinishSponsorshipsAsync(CancellationToken cancellationToken)
    {
        foreach (var match in _matches.OrderBy(m => m.MatchedOn).ThenBy(m => m.Row.Number))
        {
            var (row, reference, group, household, ruleSet, reason, flat, account, matchedOn, ending) = match;
            try
            {
                var running = await RunningSponsorshipsAsync(group, matchedOn);
                // The match marks the group and the household as matched: saved before, they are attached again first.
                Track(group.Group);
                Track(household.Household);
                // A match of the history: its integrity rules refuse, its decision rules (how many at once,
                // the programme's end) are warnings on the row (docs/import.md, "History is fact").
                var (sponsorship, warnings) = Sponsorship.RecordHistoricalMatch(group.Group, household.Household, ruleSet, reason, flat, account, running,
                    ProgrammeRuleSet.ProgrammeEnd(_ruleSets), matchedOn, run.Actor, run.NowUtc);
                foreach (var warning in warnings) row.Warning("Vermittelt am", warning);
                db.Sponsorships.Add(sponsorship);
                if (!_matchedHere.TryGetValue(group.Group, out var ofGroup)) _matchedHere[group.Group] = ofGroup = [];
                ofGroup.Add((sponsorship, household.Household, ending?.CompletedOn));
                _sponsorships[reference] = sponsorship;
                if (ending is not null) _endings.Add((row, sponsorship, group, ending));
                Record("Sponsorship", reference, () => sponsorship.Id);
                // Saved in batches (same transaction): each save's audit entries can then be let go.
                if (_sponsorships.Count % SaveEvery == 0) await SaveBatchAsync(cancellationToken);
            }
            catch (DomainException exception)
            {
                row.Error(null, exception);
            }
        }

        _matches.Clear();
        _matchedHere.Clear();
    }

    /// <summary>
    /// How many of the group's sponsorships ran on <paramref name="day"/>, judged on their dates as the
    /// match rule judges them: those matched in this file also by the completion their row names (it is
    /// booked only after the ledger), those saved before by the lookup the match page uses.
    /// </summary>
    private async Task<int> RunningSponsorshipsAsync(GroupEntry group, DateOnly day)
    {
        var ofGroup = _matchedHere.GetValueOrDefault(group.Group) ?? [];
        var here = ofGroup.Count(m => m.Sponsorship.IsRunningOn(day, m.Household.SupportEndsOn(m.Sponsorship.SupportMonths))
                                      && (m.CompletedOn is not { } completed || completed > day));
        if (group.IsNew) return here;
        var counted = ofGroup.Select(m => m.Sponsorship.Id).Where(id => id != 0).ToList();
        return here + await db.RunningSponsorshipsOfGroupOnAsync(group.Group.Id, day, counted);
    }

    private async Task AllocationRowAsync(ImportRow row, string reference)
    {
        var householdReference = row.RequiredText("Familie");
        var municipality = row.Municipality("Kommune");
        var decision = row.RequiredDate("Entscheidung am");
        var fileReference = row.RequiredText("Aktenzeichen");
        var effective = row.RequiredDate("Wirksam ab");
        var legalBasis = row.Text("Rechtsgrundlage") ?? AllocationDecision.DefaultLegalBasis;
        if (row.Failed || municipality is not { } ags) return;
        var household = await HouseholdAsync(row, "Familie", householdReference);
        if (household is null) return;
        _allocations.Add((row.ForgetCells(), reference, household, new AllocationDecision(ags, decision, fileReference, legalBasis, effective)));
    }

    /// <summary>Several decisions for one household are applied in date order; each later one supersedes the one before.</summary>
    private void FinishAllocations()
    {
        foreach (var (row, reference, entry, decision) in _allocations.OrderBy(a => a.Decision.DecisionDate).ThenBy(a => a.Row.Number))
        {
            try
            {
                var household = entry.Household;
                Track(household);
                var allocation = household.Allocate(decision, supersedeCurrent: household.CurrentAllocation is not null, run.Today, run.Actor, run.NowUtc);
                Record("Allocation", reference, () => allocation.Id);
            }
            catch (DomainException exception)
            {
                row.Error(null, exception);
            }
        }

        _allocations.Clear();
    }

    /// <summary>The sponsorship a row names: one of this file, or one imported before (loaded once, with its ledger).</summary>
    private async Task<Sponsorship?> SponsorshipAsync(ImportRow row, string column, string reference)
    {
        if (_sponsorships.TryGetValue(reference, out var sponsorship)) return sponsorship;
        if (IsBrokenRowOf(ImportSheets.Sponsorships, reference)) return null;
        var id = await KnownOrEarlierAsync(ImportSheets.Sponsorships, reference);
        sponsorship = id is { } sponsorshipId ? await db.Sponsorships.SingleOrDefaultAsync(s => s.Id == sponsorshipId) : null;
        if (sponsorship is null)
        {
            row.Error(column, l["Die Patenschaft „{0}“ gibt es weder in dieser Datei noch aus einem früheren Import.", reference]);
            return null;
        }

        ChangesEarlierRecord();
        _sponsorships[reference] = sponsorship;
        return sponsorship;
    }
}
