using NestPortal.Domain.Households;

namespace NestPortal.Web.Notifications;

/// <summary>
/// What an allocation tells the municipality: a decision addressed to it, a decision of its that a newer
/// one replaced, and a reminder when it has not acknowledged one. The household is named by its reference
/// only (never a refugee's name); the details are on the municipality's household page.
/// </summary>
/// <remarks>
/// A decision is keyed by its number in the household's decisions (the first is "…:1"): its id is not known
/// before the save that writes it and its notice, its number is, and decisions are never deleted.
/// The reminder, sent by the reminder job after the decision is saved, names the decision's id.
/// </remarks>
public static class AllocationNotices
{
    public static Notice Decided(Household household, Allocation allocation) =>
        new($"allocation-decided:{household.Id}:{household.Allocations.Count}", l => new NoticeText(
            l["Neue Zuweisungsentscheidung für Ihre Kommune (Familie {0})", household.Reference],
            [
                l["Das Kompetenzzentrum für Integration hat die Familie {0} mit Entscheidung vom {1:dd.MM.yyyy} (Aktenzeichen {2}) Ihrer Kommune zugewiesen, wirksam ab {3:dd.MM.yyyy}.",
                    household.Reference, allocation.DecisionDate, allocation.FileReference, allocation.EffectiveDate].Value,
                l["Die Entscheidung und das Schreiben dazu finden Sie auf der Seite der Familie. Bitte bestätigen Sie dort den Eingang."].Value,
            ],
            $"/MyMunicipality/Households/{household.Id}", l["Familie öffnen"]));

    /// <summary>To the municipality of the replaced decision: the household is no longer its to receive.</summary>
    public static Notice Superseded(Household household, Allocation replaced) =>
        new($"allocation-superseded:{household.Id}:{household.Allocations.Count - 1}", l => new NoticeText(
            l["Zuweisungsentscheidung ersetzt (Familie {0})", household.Reference],
            [
                l["Die Zuweisung der Familie {0} an Ihre Kommune vom {1:dd.MM.yyyy} (Aktenzeichen {2}) ist durch eine neue Entscheidung des Kompetenzzentrums für Integration ersetzt. Die Familie ist Ihrer Kommune nicht mehr zugewiesen.",
                    household.Reference, replaced.DecisionDate, replaced.FileReference].Value,
            ],
            "/MyMunicipality", l["Übersicht Ihrer Kommune"]));

    /// <summary>The municipality has not acknowledged the decision after the configured days (sent once per decision).</summary>
    public static Notice NotAcknowledged(int householdId, string reference, int allocationId, DateOnly decisionDate, string fileReference) =>
        new($"allocation-reminder:{allocationId}", l => new NoticeText(
            l["Erinnerung: Eingang der Zuweisung bestätigen (Familie {0})", reference],
            [
                l["Den Eingang der Zuweisungsentscheidung vom {0:dd.MM.yyyy} (Aktenzeichen {1}) für die Familie {2} hat Ihre Kommune noch nicht bestätigt. Bitte bestätigen Sie ihn auf der Seite der Familie.",
                    decisionDate, fileReference, reference].Value,
            ],
            $"/MyMunicipality/Households/{householdId}", l["Familie öffnen"]));
}
