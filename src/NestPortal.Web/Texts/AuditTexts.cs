using System.Globalization;
using Microsoft.Extensions.Localization;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Outreach;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Texts;

/// <summary>The words administrators read in the audit log for its actions and record types.</summary>
public static class AuditTexts
{
    public static string Action(IStringLocalizer l, AuditAction action) => action switch
    {
        AuditAction.Created => l["Angelegt"],
        AuditAction.Changed => l["Geändert"],
        AuditAction.Deleted => l["Gelöscht"],
        AuditAction.Viewed => l["Angesehen"],
        _ => action.ToString(),
    };

    public static string EntityType(IStringLocalizer l, string entityType) => entityType switch
    {
        "MentoringGroup" => l["Mentorengruppe"],
        "Mentor" => l["Gruppenmitglied"],
        "Household" => l["Familie"],
        "Refugee" => l["Geflüchtete Person"],
        "Allocation" => l["Zuweisung"],
        "Sponsorship" => l["Mentoring-Übernahme"],
        "ProgrammeRuleSet" => l["Programmregeln"],
        "EscrowEntry" => l["Buchung"],
        "RentChange" => l["Mietänderung"],
        "BankStatement" => l["Kontoauszug"],
        "BankMatch" => l["Zuordnung zum Kontoauszug"],
        "BankWaiver" => l["Kein Kontoauszug nötig"],
        "OutreachEvent" => l["Maßnahme der Öffentlichkeitsarbeit"],
        "OutreachMunicipality" => l["Kommune einer Maßnahme"],
        "Municipality" => l["Kommune"],
        "PortalUser" => l["Benutzerkonto"],
        "Document" => l["Dokument"],
        "DocumentRequest" => l["Dokumentanforderung"],
        "AuditLog" => l["Protokoll (Suche)"],
        "OutgoingMail" => l["E-Mail"],
        _ => entityType,
    };

    /// <summary>A logged field of a record type as people call it, where the same field name means something else there.</summary>
    public static string Field(IStringLocalizer l, string field, string entityType) => (entityType, field) switch
    {
        ("EscrowEntry", "Reference") => l["Verwendungszweck"],
        ("OutreachEvent", "Kind") => l["Art"],
        ("OutreachEvent", "Note") => l["Notiz"],
        ("AuditLog", "user") => l["Benutzer"],
        ("AuditLog", "entityType") => l["Datensatzart"],
        ("AuditLog", "entityId") => l["Datensatz-Nr."],
        ("AuditLog", "from") => l["Von"],
        ("AuditLog", "to") => l["Bis"],
        ("AuditLog", "action") => l["Aktion"],
        ("AuditLog", "page") => l["Seite"],
        ("Mentor", "Kind") => l["Art"],
        // Accounts: what an administration step changed (ADR 0020)
        ("PortalUser", "Roles") => l["Rolle"],
        ("PortalUser", "DeactivatedAtUtc") => l["Deaktiviert am"],
        ("PortalUser", "InvitationSentAtUtc") => l["Einladung verschickt am"],
        ("PortalUser", "TwoFactorEnabled") => l["Zweiter Faktor"],
        ("PortalUser", "RecoveryCodes") => l["Wiederherstellungscodes"],
        ("OutgoingMail", "Attempts") => l["Versuche"],
        _ => Field(l, field),
    };

    /// <summary>A logged field as people call it; fields without a name here show as logged.</summary>
    public static string Field(IStringLocalizer l, string field) => field switch
    {
        "Reference" => l["Aktenzeichen der Familie"],
        "ExpectedArrival" => l["Erwartete Ankunft"],
        "SpecialNeedsNote" => l["Besondere Bedarfe"],
        "Status" => l["Status"],
        "IsMatched" => l["Vermittelt"],
        "AllocatedMunicipalityAgs" or "MunicipalityAgs" => l["Kommune (AGS)"],
        "FirstArrival" => l["Erste Einreise"],
        "PrincipalName" => l["Familienname in Listen"],
        "GivenName" => l["Vorname"],
        "FamilyName" => l["Familienname"],
        "DateOfBirth" => l["Geburtsdatum"],
        "Sex" => l["Geschlecht"],
        "NationalityCode" => l["Staatsangehörigkeit"],
        "FirstRefugeCountryCode" => l["Erstaufnahmeland"],
        "AdmissionDecisionDate" => l["Datum der Aufnahmezusage"],
        "AdmissionDecisionReference" => l["Aktenzeichen der Aufnahmezusage"],
        "VisaDate" => l["Visum erteilt am"],
        "ArrivedOn" => l["Eingereist am"],
        "LeftOn" => l["Ausgeschieden am"],
        "DepartureReason" => l["Grund"],
        "DepartureNote" => l["Erläuterung"],
        "AgeAtArrival" => l["Alter bei Einreise"],
        "ErasedOn" => l["Gelöscht am"],
        "MemberDataErasedOn" => l["Mitgliederdaten gelöscht am"],
        "DecisionDate" => l["Entscheidungsdatum"],
        "FileReference" => l["Aktenzeichen der Entscheidung"],
        "LegalBasis" => l["Rechtsgrundlage"],
        "EffectiveDate" => l["Wirksam ab"],
        "IssuedByName" => l["Erlassen von"],
        "IssuedAtUtc" => l["Erlassen am"],
        "SupersededAtUtc" => l["Ersetzt am"],
        "AcknowledgedByName" => l["Eingang bestätigt von"],
        "AcknowledgedAtUtc" => l["Eingang bestätigt am"],
        // Programme rule sets
        "Code" => l["Kürzel"],
        "Name" => l["Name"],
        "ValidFrom" => l["Gültig ab"],
        "ValidUntil" => l["Gültig bis"],
        "MinimumMembers" => l["Mindestzahl Mitglieder"],
        "RequiredMainContacts" => l["Hauptansprechpersonen"],
        "LegalPersonsAllowed" => l["Juristische Personen"],
        "RentMonths" => l["Mietmonate"],
        "RentMonthsWithOwnedFlat" => l["Mietmonate bei eigener Wohnung der Gruppe"],
        "SupportMonths" => l["Begleitung (Monate)"],
        "TrainingRequirement" => l["Schulung"],
        // Escrow entries and rent changes
        "Kind" => l["Buchungsart"],
        "Amount" => l["Betrag"],
        "ValueDate" => l["Wertstellung"],
        "RentMonth" => l["Mietmonat"],
        "RentPaymentNumber" => l["Nummer der Mietzahlung"],
        "CorrectsEntryId" => l["Korrigiert Buchung Nr."],
        "MonthlyNetColdRent" => l["Nettokaltmiete monatlich"],
        "EffectiveMonth" => l["Gilt ab Monat"],
        "RecordedByName" => l["Erfasst von"],
        // Sponsorships: escrow and completion
        "EscrowBalance" => l["Guthaben auf dem Mietkonto"],
        "EscrowShortfall" => l["Fehlbetrag"],
        "ReadyForArrivalOn" => l["Bereit für die Einreise am"],
        "RentPeriodCompletedOn" => l["Mietzeitraum abgeschlossen am"],
        "SupportCompletedOn" => l["Begleitung abgeschlossen am"],
        "CompletedOn" => l["Abgeschlossen am"],
        "RentEndNoticeSentOn" => l["Hinweis auf das Mietende verschickt am"],
        "LeavingReason" => l["Grund des Ausscheidens"],
        // Members of a group
        "Email" => l["E-Mail-Adresse"],
        "Phone" => l["Telefon"],
        "TrainingDate" => l["Schulung am"],
        "IsMainContact" => l["Hauptansprechperson"],
        "OrganisationName" => l["Name der Organisation"],
        "RepresentativeName" => l["Vertreten durch"],
        "DissolvedOn" => l["Aufgelöst am"],
        "DissolutionReason" => l["Grund der Auflösung"],
        "ContinuedSupportBy" => l["Weitere Begleitung durch"],
        // Outreach and Sicherer Hafen
        "HeldOn" => l["Datum"],
        "Title" => l["Titel"],
        "Informed" => l["Informiert"],
        "OutreachEventId" => l["Maßnahme Nr."],
        "SafeHarbourDeclaredOn" => l["Sicherer Hafen seit"],
        _ => field,
    };

    /// <summary>Bookkeeping fields people do not need in a history (ids of actors and parents, creation stamps).</summary>
    public static readonly IReadOnlySet<string> HiddenFields =
        new HashSet<string> { "IssuedByUserId", "AcknowledgedByUserId", "HouseholdId", "GroupId", "CreatedAtUtc", "CreatedByUserId", "RecordedAtUtc" };

    /// <summary>
    /// A logged value as people read it: statuses and choices by their German (or English) name, yes/no
    /// for flags, dates in the page's format, "(vertraulich)" where the log holds no value (ADR 0014).
    /// </summary>
    public static string Value(IStringLocalizer l, string entityType, string field, string? value)
    {
        if (value is null) return "–";
        return (entityType, field) switch
        {
            ("Household", "Status") when Enum.TryParse<HouseholdStatus>(value, out var status) => HouseholdTexts.Status(l, status),
            ("MentoringGroup", "Status") when Enum.TryParse<GroupStatus>(value, out var status) => GroupTexts.Status(l, status),
            ("Sponsorship", "Status") when Enum.TryParse<SponsorshipStatus>(value, out var status) =>
                status == SponsorshipStatus.Running ? l["läuft"] : l["abgeschlossen"],
            ("PortalUser", "Roles") => string.Join(", ", value.Split(',').Select(role => RoleTexts.Name(l, role))),
            (_, "Sex") when Enum.TryParse<Sex>(value, out var sex) => HouseholdTexts.Sex(l, sex),
            (_, "DepartureReason") when Enum.TryParse<DepartureReason>(value, out var reason) => HouseholdTexts.DepartureReason(l, reason),
            ("OutreachEvent", "Kind") when Enum.TryParse<OutreachKind>(value, out var kind) => OutreachTexts.Kind(l, kind),
            ("EscrowEntry", "Kind") when Enum.TryParse<EscrowEntryKind>(value, out var kind) => EscrowTexts.Kind(l, kind),
            _ when value is "True" => l["ja"],
            _ when value is "False" => l["nein"],
            _ when value is "(vertraulich)" => l["(vertraulich)"],
            _ when value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
                date.ToString("d", CultureInfo.CurrentCulture),
            _ when value.Contains('T') && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) =>
                Clock.InGermany(time.ToUniversalTime()).ToString("g", CultureInfo.CurrentCulture),
            _ => value,
        };
    }
}
