using NestPortal.Domain.Common;

namespace NestPortal.Domain.Households;

/// <summary>A member of a household (Geflüchtete Person). Changed only through its household.</summary>
public sealed class Refugee
{
    public const int NameMaxLength = 100;
    public const int ReferenceMaxLength = 50;
    public const int DepartureNoteMaxLength = 2000;

    public int Id { get; private set; }
    public string GivenName { get; private set; } = string.Empty;
    public string FamilyName { get; private set; } = string.Empty;
    public DateOnly DateOfBirth { get; private set; }
    public Sex Sex { get; private set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string NationalityCode { get; private set; } = string.Empty;

    /// <summary>ISO 3166-1 alpha-2 of the country of first refuge.</summary>
    public string FirstRefugeCountryCode { get; private set; } = string.Empty;

    public DateOnly AdmissionDecisionDate { get; private set; }
    public string AdmissionDecisionReference { get; private set; } = string.Empty;
    public DateOnly? VisaDate { get; private set; }
    public DateOnly? ArrivedOn { get; private set; }
    public DateOnly? LeftOn { get; private set; }
    public DepartureReason? DepartureReason { get; private set; }
    public string? DepartureNote { get; private set; }

    /// <summary>
    /// Age in whole years on the arrival day (a birthday on that day counts), kept as a column of its
    /// own: the report's age bands need it, and it survives the erasure of the date of birth.
    /// </summary>
    public int? AgeAtArrival { get; private set; }

    /// <summary>The day the identifying data was erased (retention); the statistical fields remain.</summary>
    public DateOnly? ErasedOn { get; private set; }

    private Refugee()
    {
    }

    internal Refugee(RefugeeDetails details) => Apply(details);

    public string DisplayName => ErasedOn is null ? $"{GivenName} {FamilyName}" : $"Person {Id} (gelöscht)";

    public bool IsErased => ErasedOn is not null;

    public bool HasLeft => LeftOn is not null;

    /// <summary>In the programme on <paramref name="date"/>: arrived by then and not left before.</summary>
    public bool IsInProgrammeOn(DateOnly date) =>
        ArrivedOn is { } arrived && arrived <= date && (LeftOn is not { } left || left > date);

    /// <summary>
    /// The last day of the group's support for this person: <paramref name="supportMonths"/> from arrival,
    /// or earlier when they left the programme; null before arrival.
    /// </summary>
    public DateOnly? SupportEndsOn(int supportMonths)
    {
        if (ArrivedOn is not { } arrived) return null;
        var end = Months.EndOfPeriod(arrived, supportMonths);
        return LeftOn is { } left && left < end ? left : end;
    }

    /// <summary>
    /// Whole years from <paramref name="born"/> to <paramref name="on"/>, comparing month and day: the
    /// report has always counted so, and someone born on 29 February is a year older only from 1 March
    /// in other years (§ 188 Abs. 2 BGB).
    /// </summary>
    public static int WholeYears(DateOnly born, DateOnly on) =>
        on.Year - born.Year - (on.Month < born.Month || (on.Month == born.Month && on.Day < born.Day) ? 1 : 0);

    public int AgeOn(DateOnly date) => WholeYears(DateOfBirth, date);

    internal void Apply(RefugeeDetails details)
    {
        GivenName = details.GivenName.Trim();
        FamilyName = details.FamilyName.Trim();
        DateOfBirth = details.DateOfBirth;
        Sex = details.Sex;
        NationalityCode = details.NationalityCode.Trim().ToUpperInvariant();
        FirstRefugeCountryCode = details.FirstRefugeCountryCode.Trim().ToUpperInvariant();
        AdmissionDecisionDate = details.AdmissionDecisionDate;
        AdmissionDecisionReference = details.AdmissionDecisionReference.Trim();
        VisaDate = details.VisaDate;
        ArrivedOn = details.ArrivedOn;
        AgeAtArrival = ArrivedOn is { } arrived ? WholeYears(DateOfBirth, arrived) : null;
    }

    /// <summary>
    /// Removes what identifies the person and keeps what the yearly report counts: arrival, age at
    /// arrival, sex, nationality, first-refuge country, departure date and reason. The date of birth
    /// keeps its year only (1 January), which no figure reads (ages come from <see cref="AgeAtArrival"/>).
    /// </summary>
    internal void Erase(DateOnly today)
    {
        if (IsErased) return;
        GivenName = string.Empty;
        FamilyName = string.Empty;
        DateOfBirth = new DateOnly(DateOfBirth.Year, 1, 1);
        AdmissionDecisionReference = string.Empty;
        VisaDate = null;
        DepartureNote = null;
        ErasedOn = today;
    }

    internal void Leave(DateOnly leftOn, DepartureReason reason, string? note)
    {
        LeftOn = leftOn;
        DepartureReason = reason;
        DepartureNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    /// <summary>Every rule one person's details must keep, each broken one named.</summary>
    internal static List<DomainError> Check(RefugeeDetails details, DateOnly today)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(details.GivenName) || string.IsNullOrWhiteSpace(details.FamilyName))
            errors.Add(new DomainError("Bitte geben Sie Vor- und Familiennamen an."));
        else if (details.GivenName.Trim().Length > NameMaxLength || details.FamilyName.Trim().Length > NameMaxLength)
            errors.Add(new DomainError("Namen dürfen höchstens {0} Zeichen lang sein.", NameMaxLength));
        if (details.DateOfBirth > today)
            errors.Add(new DomainError("Das Geburtsdatum ({0:dd.MM.yyyy}) liegt in der Zukunft.", details.DateOfBirth));
        else if (details.DateOfBirth < today.AddYears(-120))
            errors.Add(new DomainError("Das Geburtsdatum ({0:dd.MM.yyyy}) liegt mehr als 120 Jahre zurück.", details.DateOfBirth));
        if (!IsCountryCode(details.NationalityCode))
            errors.Add(new DomainError("Bitte wählen Sie eine Staatsangehörigkeit aus der Liste."));
        if (!IsCountryCode(details.FirstRefugeCountryCode))
            errors.Add(new DomainError("Bitte wählen Sie das Erstaufnahmeland aus der Liste."));
        if (string.IsNullOrWhiteSpace(details.AdmissionDecisionReference))
            errors.Add(new DomainError("Bitte geben Sie das Aktenzeichen der Aufnahmezusage an."));
        else if (details.AdmissionDecisionReference.Trim().Length > ReferenceMaxLength)
            errors.Add(new DomainError("Das Aktenzeichen darf höchstens {0} Zeichen lang sein.", ReferenceMaxLength));
        if (details.AdmissionDecisionDate > today)
            errors.Add(new DomainError("Die Aufnahmezusage ({0:dd.MM.yyyy}) liegt in der Zukunft.", details.AdmissionDecisionDate));
        if (details.AdmissionDecisionDate < details.DateOfBirth)
            errors.Add(new DomainError("Die Aufnahmezusage ({0:dd.MM.yyyy}) liegt vor dem Geburtsdatum.", details.AdmissionDecisionDate));
        if (details.VisaDate is { } visa && visa < details.AdmissionDecisionDate)
            errors.Add(new DomainError("Das Visum ({0:dd.MM.yyyy}) liegt vor der Aufnahmezusage ({1:dd.MM.yyyy}).", visa, details.AdmissionDecisionDate));
        if (details.ArrivedOn is { } arrived)
        {
            if (arrived > today)
                errors.Add(new DomainError("Die Einreise ({0:dd.MM.yyyy}) liegt in der Zukunft; tragen Sie sie nach der Ankunft ein. Die erwartete Ankunft steht bei der Familie.", arrived));
            if (arrived < details.AdmissionDecisionDate)
                errors.Add(new DomainError("Die Einreise ({0:dd.MM.yyyy}) liegt vor der Aufnahmezusage ({1:dd.MM.yyyy}).", arrived, details.AdmissionDecisionDate));
            if (details.VisaDate is { } visaDate && arrived < visaDate)
                errors.Add(new DomainError("Die Einreise ({0:dd.MM.yyyy}) liegt vor dem Visum ({1:dd.MM.yyyy}).", arrived, visaDate));
        }

        return errors;
    }

    private static bool IsCountryCode(string code) =>
        code.Trim() is { Length: 2 } trimmed && trimmed.All(char.IsAsciiLetter);
}
