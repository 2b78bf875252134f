using Microsoft.Extensions.Localization;
using NestPortal.Domain.Households;

namespace NestPortal.Web.Reports;

/// <summary>One recurring parliamentary question answered: the sentences an answer would use and the table behind them.</summary>
public sealed record ParliamentaryAnswer(string Question, IReadOnlyList<string> Sentences, ReportTable Table);

/// <summary>
/// The questions every Kleine Anfrage on NesT asks (KA 5514 of 2021 and its successors): groups that
/// took on costs per year, refugees arrived and in the programme on the Stichtag, early departures with
/// reasons. The numbers come from the same <see cref="AnnualReport"/> as every other output.
/// </summary>
public static class ParliamentaryAnswers
{
    /// <param name="tables">The report's tables (<see cref="AnnualReport.ToTables"/>), worded by <paramref name="l"/>.</param>
    public static IReadOnlyList<ParliamentaryAnswer> For(AnnualReport report, IReadOnlyList<ReportTable> tables, IStringLocalizer l) =>
        [Groups(report, l), Arrivals(report, l), Departures(report, tables, l)];

    private static ParliamentaryAnswer Groups(AnnualReport report, IStringLocalizer l)
    {
        var s = report.Request.Stichtag;
        var sentences = report.Years.Select(y =>
        {
            var partial = y.Year == s.Year;
            return (partial, y.GroupsTookOnCosts == 1) switch
            {
                (true, true) => l["Im Jahr {0} hat bis zum {1:dd.MM.yyyy} eine Mentoring-Gruppe die Kosten für eine Familie übernommen.", y.Year, s],
                (true, false) => l["Im Jahr {0} haben bis zum {1:dd.MM.yyyy} {2} Mentoring-Gruppen die Kosten für eine Familie übernommen.", y.Year, s, y.GroupsTookOnCosts],
                (false, true) => l["Im Jahr {0} hat eine Mentoring-Gruppe die Kosten für eine Familie übernommen.", y.Year],
                _ => l["Im Jahr {0} haben {1} Mentoring-Gruppen die Kosten für eine Familie übernommen.", y.Year, y.GroupsTookOnCosts],
            };
        }).Select(t => t.Value).ToList();
        var table = new ReportTable("AnswerGroups", l["Gruppen mit Kostenübernahme je Jahr"],
            [new(l["Jahr"], ReportValueKind.Text), new(l["Gruppen mit Kostenübernahme"], ReportValueKind.Count)],
            report.Years.Select(y => (IReadOnlyList<object?>)[y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), y.GroupsTookOnCosts]).ToList());
        return new ParliamentaryAnswer(l["Wie viele Mentoring-Gruppen haben in den einzelnen Jahren die Kosten übernommen?"], sentences, table);
    }

    private static ParliamentaryAnswer Arrivals(AnnualReport report, IStringLocalizer l)
    {
        var s = report.Request.Stichtag;
        var at = report.AtStichtag;
        var sentence = at.ArrivedCumulative == 1
            ? l["Bis zum {0:dd.MM.yyyy} ist eine geflüchtete Person über NesT in Nordrhein-Westfalen eingereist, davon am Stichtag {1} im Programm.", s, at.InProgramme]
            : l["Bis zum {0:dd.MM.yyyy} sind {1} Geflüchtete über NesT in Nordrhein-Westfalen eingereist, davon am Stichtag {2} im Programm.", s, at.ArrivedCumulative, at.InProgramme];
        var table = new ReportTable("AnswerArrivals", l["Eingereist und im Programm am Stichtag {0:dd.MM.yyyy}", s],
            [new(l["Stichtag"], ReportValueKind.Date), new(l["Eingereist bis zum Stichtag"], ReportValueKind.Count), new(l["Im Programm am Stichtag"], ReportValueKind.Count)],
            [[s, at.ArrivedCumulative, at.InProgramme]]);
        return new ParliamentaryAnswer(l["Wie viele Geflüchtete sind über NesT eingereist, und wie viele befinden sich derzeit im Programm?"], [sentence.Value], table);
    }

    private static ParliamentaryAnswer Departures(AnnualReport report, IReadOnlyList<ReportTable> tables, IStringLocalizer l)
    {
        var refugees = report.Years.Sum(y => y.RefugeeDepartures);
        var mentors = report.Years.Sum(y => y.MentorDepartures);
        var reasons = Enum.GetValues<DepartureReason>()
            .Select(r => (Reason: r, Count: report.RefugeeDepartureReasons.Where(c => c.Key == r).Sum(c => c.Count)))
            .Where(r => r.Count > 0)
            .Select(r => $"{HouseholdTexts.DepartureReason(l, r.Reason)}: {r.Count}").ToList();
        var sentences = new List<string>
        {
            l.Count(refugees, "Von {0} bis zum {1:dd.MM.yyyy} ist eine geflüchtete Person vorzeitig aus dem Programm ausgeschieden.", "Von {0} bis zum {1:dd.MM.yyyy} sind {2} Geflüchtete vorzeitig aus dem Programm ausgeschieden.", report.Request.FromYear, report.Request.RangeEnd, refugees),
        };
        if (reasons.Count > 0) sentences.Add(l["Gründe: {0}.", string.Join("; ", reasons)]);
        sentences.Add(l.Count(mentors, "Im selben Zeitraum hat eine Mentorin oder ein Mentor die Gruppe vorzeitig verlassen.", "Im selben Zeitraum haben {0} Mentorinnen und Mentoren ihre Gruppe vorzeitig verlassen."));
        var table = tables.Single(t => t.Key == AnnualReport.Keys.Departures);
        return new ParliamentaryAnswer(l["Wie viele Geflüchtete und Mentorinnen und Mentoren sind vorzeitig ausgeschieden, und aus welchen Gründen?"], sentences, table);
    }
}
