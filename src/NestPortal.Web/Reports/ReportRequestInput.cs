using Microsoft.Extensions.Localization;

namespace NestPortal.Web.Reports;

/// <summary>
/// The report's query parameters (Stichtag, FromYear, ToYear) as a <see cref="ReportRequest"/>: what is
/// left out takes the default (today, 2019 to the Stichtag's year); what cannot be a report is refused
/// with a German reason.
/// </summary>
public static class ReportRequestInput
{
    /// <param name="bound">False when a parameter could not be read at all (not a date, not a number).</param>
    public static (ReportRequest? Request, string Error) Validate(DateOnly? stichtag, int? fromYear, int? toYear, bool bound, DateOnly today,
        IStringLocalizer l)
    {
        if (!bound) return (null, l["Bitte geben Sie den Stichtag als Datum und die Jahre als Zahlen an."]);
        var day = stichtag ?? today;
        var defaults = ReportRequest.Default(day);
        var request = new ReportRequest(day, fromYear ?? defaults.FromYear, toYear ?? defaults.ToYear);
        if (day.Year < ReportRequest.FirstProgrammeYear || day > today.AddYears(1))
            return (null, l["Der Stichtag muss zwischen 2019 und einem Jahr nach heute liegen."]);
        if (request.FromYear < ReportRequest.FirstProgrammeYear || request.ToYear > day.Year)
            return (null, l["Die Jahre müssen zwischen 2019 und dem Jahr des Stichtags liegen."]);
        if (request.FromYear > request.ToYear)
            return (null, l["Das erste Jahr darf nicht nach dem letzten Jahr liegen."]);
        return (request, string.Empty);
    }
}
