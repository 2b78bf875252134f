using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Outreach;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Web.Import;

/// <summary>The words the import accepts for fixed lists, German and English, in the normalised spelling the cells are compared in.</summary>
public static class ImportWords
{
    public static readonly IReadOnlyDictionary<string, MemberKind> MemberKinds = Words(
        (MemberKind.NaturalPerson, ["Person", "Einzelperson", "natürliche Person", "natural person"]),
        (MemberKind.LegalPerson, ["Organisation", "Organization", "juristische Person", "legal person"]));

    public static readonly IReadOnlyDictionary<string, Sex> Sexes = Words(
        (Sex.Female, ["weiblich", "w", "female", "f"]),
        (Sex.Male, ["männlich", "m", "male"]),
        (Sex.Diverse, ["divers", "d", "diverse"]),
        (Sex.Unknown, ["unbekannt", "u", "unknown", "x"]));

    public static readonly IReadOnlyDictionary<string, DepartureReason> DepartureReasons = Words(
        (DepartureReason.MovedAway, ["Umzug", "moved away"]),
        (DepartureReason.OwnWish, ["Auf eigenen Wunsch", "eigener Wunsch", "own wish"]),
        (DepartureReason.Conflict, ["Konflikt mit der Gruppe", "Konflikt", "conflict"]),
        (DepartureReason.LeftGermany, ["Ausreise aus Deutschland", "Ausreise", "left Germany"]),
        (DepartureReason.Deceased, ["Verstorben", "deceased"]),
        (DepartureReason.Other, ["Sonstiges", "other"]));

    public static readonly IReadOnlyDictionary<string, EscrowEntryKind> EntryKinds = Words(
        (EscrowEntryKind.Deposit, ["Einzahlung", "deposit"]),
        (EscrowEntryKind.RentPayment, ["Miete", "rent"]),
        (EscrowEntryKind.Refund, ["Rückzahlung", "refund"]),
        (EscrowEntryKind.Correction, ["Korrektur", "correction"]));

    public static readonly IReadOnlyDictionary<string, SponsorshipEndKind> SponsorshipEnds = Words(
        (SponsorshipEndKind.Completed, ["abgeschlossen", "Abschluss", "completed"]),
        (SponsorshipEndKind.Dissolved, ["aufgelöst", "Auflösung", "dissolved"]));

    public static readonly IReadOnlyDictionary<string, OutreachKind> OutreachKinds = Words(
        (OutreachKind.Conference, ["Konferenz", "Veranstaltung", "conference"]),
        (OutreachKind.Print, ["Druck", "Brief", "print"]),
        (OutreachKind.Web, ["Web", "online"]),
        (OutreachKind.Meeting, ["Treffen", "meeting"]));

    private static Dictionary<string, T> Words<T>(params (T Value, string[] Words)[] entries) where T : struct =>
        entries.SelectMany(e => e.Words.Select(w => (Key: ImportHeaders.Normalise(w), e.Value)))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
