using NestPortal.Domain.Households;
using NestPortal.Domain.Outreach;

namespace NestPortal.Web.Reports;

/// <summary>
/// The yearly report (Erfolgsbilanz) for one <see cref="ReportRequest"/>: figures per calendar year,
/// the state on the Stichtag and the regional breakdowns. Built by <see cref="AnnualReportQuery"/>;
/// every output renders it through <see cref="ToTables"/>, so screen, print, CSV and XLSX agree.
/// </summary>
public sealed partial record AnnualReport(
    ReportRequest Request,
    IReadOnlyList<YearFigures> Years,
    StichtagFigures AtStichtag,
    IReadOnlyList<YearCount<NationalityKey>> Nationalities,
    IReadOnlyList<YearCount<Sex>> Sexes,
    IReadOnlyList<YearCount<AgeBand>> AgeBands,
    IReadOnlyList<YearCount<int>> HouseholdSizes,
    IReadOnlyList<YearCount<DepartureReason>> RefugeeDepartureReasons,
    IReadOnlyList<YearCount<string>> MentorDepartureReasons,
    IReadOnlyList<AreaYearFigures> Areas,
    IReadOnlyList<AreaStichtagFigures> AreasAtStichtag)
{
    /// <summary>The figures of one year of the range (zeros for a year without data).</summary>
    public YearFigures Year(int year) => Years.Single(y => y.Year == year);
}

/// <summary>NRW-wide figures of one calendar year, each counting only days up to the Stichtag.</summary>
/// <param name="GroupsTookOnCosts">Distinct groups with a sponsorship whose household's first arrival is in the year.</param>
/// <param name="RefugeesArrived">Persons whose arrival date is in the year.</param>
/// <param name="ArrivedCumulative">Persons arrived from the first arrival ever to the year's end (or the Stichtag if earlier).</param>
/// <param name="RefugeeDepartures">Refugees who left the programme early in the year.</param>
/// <param name="MentorDepartures">Mentors who left their group in the year.</param>
/// <param name="SponsorshipsCompleted">Sponsorships whose rent period ended in the year (without rent period: completed in the year).</param>
public sealed record YearFigures(
    int Year,
    int GroupsTookOnCosts,
    int RefugeesArrived,
    int ArrivedCumulative,
    int RefugeeDepartures,
    int MentorDepartures,
    int SponsorshipsCompleted,
    EscrowYear Escrow,
    OutreachYear Outreach);

/// <summary>Escrow movements of one year by value date, as positive sums; corrections count with the kind they correct.</summary>
/// <param name="BalanceAtYearEnd">The sum of every entry up to the year's end (or the Stichtag if earlier).</param>
/// <param name="RentPaymentsConfirmed">How many of the year's rent payments a bank statement confirms (ADR 0025), of <paramref name="RentPayments"/>.</param>
public sealed record EscrowYear(decimal Deposited, decimal PaidAsRent, decimal Refunded, decimal BalanceAtYearEnd, int RentPaymentsConfirmed = 0, int RentPayments = 0);

/// <summary>Outreach of one year: events held, and distinct municipalities invited, informed and, of those informed, Sicherer Hafen on the Stichtag.</summary>
public sealed record OutreachYear(int Events, IReadOnlyDictionary<OutreachKind, int> EventsByKind, int MunicipalitiesInvited,
    int MunicipalitiesInformed, int InformedSafeHarbours);

/// <summary>NRW on the Stichtag.</summary>
/// <param name="ArrivedCumulative">Every person arrived on or before the Stichtag (also before the range).</param>
/// <param name="InProgramme">Persons arrived, not left, whose sponsorship runs on the Stichtag.</param>
/// <param name="EscrowBalance">The sum of every escrow entry with value date on or before the Stichtag.</param>
public sealed record StichtagFigures(int ArrivedCumulative, int InProgramme, decimal EscrowBalance);

/// <summary>A nationality: ISO 3166-1 alpha-2 code (XX stateless, ZZ unresolved) and its German name.</summary>
public sealed record NationalityKey(string Code, string GermanName);

/// <summary>One cell of a distribution: how many of <typeparamref name="TKey"/> in a year.</summary>
public sealed record YearCount<TKey>(TKey Key, int Year, int Count);

/// <summary>The level of a regional row.</summary>
public enum AreaLevel
{
    State,
    AdministrativeRegion,
    District,
    Municipality,
}

/// <summary>
/// Where a regional row belongs. Households without allocation form the area "ohne Zuweisung" at
/// every level (<see cref="IsUnallocated"/>; Region, District and Ags null).
/// </summary>
public sealed record Area(AreaLevel Level, string? Region, string? District, string? Ags, string? MunicipalityName, DateOnly? SafeHarbourSince)
{
    public bool IsUnallocated => Level != AreaLevel.State && Region is null;

    public static readonly Area State = new(AreaLevel.State, null, null, null, null, null);
}

/// <summary>The yearly figures of one area (only areas and years with data have a row).</summary>
public sealed record AreaYearFigures(Area Area, int Year, int GroupsTookOnCosts, int RefugeesArrived, int RefugeeDepartures,
    int MentorDepartures, int SponsorshipsCompleted);

/// <summary>One area on the Stichtag (only areas with an arrival have a row).</summary>
public sealed record AreaStichtagFigures(Area Area, int ArrivedCumulative, int InProgramme);
