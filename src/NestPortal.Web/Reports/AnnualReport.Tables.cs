using System.Globalization;
using Microsoft.Extensions.Localization;
using NestPortal.Domain.Households;
using NestPortal.Domain.Outreach;

namespace NestPortal.Web.Reports;

public sealed partial record AnnualReport
{
    /// <summary>Stable keys of the tables <see cref="ToTables"/> returns, in that order.</summary>
    public static class Keys
    {
        public const string YearlySeries = "YearlySeries";
        public const string InProgramme = "InProgramme";
        public const string Nationality = "Nationality";
        public const string Sex = "Sex";
        public const string AgeBand = "AgeBand";
        public const string HouseholdSize = "HouseholdSize";
        public const string Departures = "Departures";
        public const string Escrow = "Escrow";
        public const string Outreach = "Outreach";
        public const string Regions = "Regions";
        public const string Districts = "Districts";
        public const string Municipalities = "Municipalities";
    }

    /// <summary>
    /// Every table of the report, localised, in the order the screen shows them. Years are text
    /// cells ("2021"), counts int, money decimal; a distribution has a column per year and a total.
    /// </summary>
    public IReadOnlyList<ReportTable> ToTables(IStringLocalizer l)
    {
        var sheetNames = SheetNames(l);
        return new[]
        {
            YearlySeriesTable(l),
            InProgrammeTable(l),
            Distribution(l, Keys.Nationality, l["Eingereiste Geflüchtete nach Staatsangehörigkeit"],
                [new(l["Staatsangehörigkeit"], ReportValueKind.Text), new(l["ISO-Code"], ReportValueKind.Text)],
                Nationalities.Select(n => n.Key).Distinct().OrderBy(k => k.GermanName, StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), true)),
                k => [k.GermanName, k.Code], Nationalities),
            Distribution(l, Keys.Sex, l["Eingereiste Geflüchtete nach Geschlecht"], [new(l["Geschlecht"], ReportValueKind.Text)],
                Enum.GetValues<Sex>(), k => [HouseholdTexts.Sex(l, k)], Sexes),
            Distribution(l, Keys.AgeBand, l["Eingereiste Geflüchtete nach Alter bei Einreise"], [new(l["Alter bei Einreise"], ReportValueKind.Text)],
                Enum.GetValues<AgeBand>(), k => [Reports.AgeBands.Label(k)], AgeBands),
            Distribution(l, Keys.HouseholdSize, l["Eingereiste Geflüchtete nach Größe der Familie"], [new(l["Personen in der Familie"], ReportValueKind.Text)],
                Enumerable.Range(1, 6), k => [k == 6 ? "6+" : k.ToString(CultureInfo.InvariantCulture)], HouseholdSizes),
            DeparturesTable(l),
            EscrowTable(l),
            OutreachTable(l),
            RegionalTable(l, Keys.Regions, AreaLevel.AdministrativeRegion, l["Nach Regierungsbezirk"]),
            RegionalTable(l, Keys.Districts, AreaLevel.District, l["Nach Kreis und kreisfreier Stadt"]),
            RegionalTable(l, Keys.Municipalities, AreaLevel.Municipality, l["Nach Gemeinde"]),
        }.Select(t => t with { SheetName = sheetNames[t.Key] }).ToList();
    }

    /// <summary>
    /// The XLSX sheet of each table, named on purpose rather than cut from its title: at most 31 characters
    /// in both languages (Excel's limit, a test holds it), unique, and the Stichtag stands on the sheet itself.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SheetNames(IStringLocalizer l) => new Dictionary<string, string>
    {
        [Keys.YearlySeries] = l["Jahresreihe"],
        [Keys.InProgramme] = l["Eingereist und im Programm"],
        [Keys.Nationality] = l["Nach Staatsangehörigkeit"],
        [Keys.Sex] = l["Nach Geschlecht"],
        [Keys.AgeBand] = l["Nach Alter bei Einreise"],
        [Keys.HouseholdSize] = l["Nach Größe der Familie"],
        [Keys.Departures] = l["Vorzeitig Ausgeschiedene"],
        [Keys.Escrow] = l["Mietkonten"],
        [Keys.Outreach] = l["Öffentlichkeitsarbeit"],
        [Keys.Regions] = l["Nach Regierungsbezirk"],
        [Keys.Districts] = l["Nach Kreis"],
        [Keys.Municipalities] = l["Nach Gemeinde"],
    };

    private string YearLabel(int year) => year.ToString(CultureInfo.InvariantCulture);

    private ReportTable YearlySeriesTable(IStringLocalizer l) => new(
        Keys.YearlySeries,
        l["Jahresreihe in Nordrhein-Westfalen (Stichtag {0:dd.MM.yyyy})", Request.Stichtag],
        [
            new(l["Jahr"], ReportValueKind.Text),
            new(l["Gruppen mit Kostenübernahme"], ReportValueKind.Count),
            new(l["Eingereiste Geflüchtete"], ReportValueKind.Count),
            new(l["Eingereist seit Beginn (kumuliert)"], ReportValueKind.Count),
            new(l["Vorzeitig ausgeschiedene Geflüchtete"], ReportValueKind.Count),
            new(l["Vorzeitig ausgeschiedene Mentorinnen und Mentoren"], ReportValueKind.Count),
            new(l["Abgeschlossene Mentoring-Übernahmen"], ReportValueKind.Count),
        ],
        Years.Select(y => (IReadOnlyList<object?>)[YearLabel(y.Year), y.GroupsTookOnCosts, y.RefugeesArrived, y.ArrivedCumulative,
            y.RefugeeDepartures, y.MentorDepartures, y.SponsorshipsCompleted]).ToList());

    private ReportTable InProgrammeTable(IStringLocalizer l) => new(
        Keys.InProgramme,
        l["Eingereist und im Programm am Stichtag {0:dd.MM.yyyy}", Request.Stichtag],
        [
            new(l["Ebene"], ReportValueKind.Text),
            new(l["Gebiet"], ReportValueKind.Text),
            new(l["Gemeindeschlüssel"], ReportValueKind.Code),
            new(l["Sicherer Hafen"], ReportValueKind.Text),
            new(l["Eingereist bis zum Stichtag"], ReportValueKind.Count),
            new(l["Im Programm am Stichtag"], ReportValueKind.Count),
        ],
        AreasAtStichtag.Select(a => (IReadOnlyList<object?>)[LevelName(l, a.Area.Level), AreaName(l, a.Area), a.Area.Ags,
            a.Area.Level == AreaLevel.Municipality ? SafeHarbour(l, a.Area) : null, a.ArrivedCumulative, a.InProgramme]).ToList());

    private ReportTable Distribution<TKey>(IStringLocalizer l, string key, string title, IReadOnlyList<ReportColumn> keyColumns,
        IEnumerable<TKey> keys, Func<TKey, IReadOnlyList<object?>> keyCells, IReadOnlyList<YearCount<TKey>> counts) where TKey : notnull
    {
        var years = Request.Years;
        var byKeyAndYear = counts.ToDictionary(c => (c.Key, c.Year), c => c.Count);
        var columns = keyColumns.Concat(years.Select(y => new ReportColumn(YearLabel(y), ReportValueKind.Count)))
            .Append(new ReportColumn(l["Insgesamt"], ReportValueKind.Count)).ToList();
        var rows = keys.Select(k =>
        {
            var perYear = years.Select(y => byKeyAndYear.GetValueOrDefault((k, y))).ToList();
            return (IReadOnlyList<object?>)keyCells(k).Concat(perYear.Cast<object?>()).Append(perYear.Sum()).ToList();
        }).ToList();
        return new ReportTable(key, title, columns, rows);
    }

    private ReportTable DeparturesTable(IStringLocalizer l)
    {
        var years = Request.Years;
        var columns = new List<ReportColumn> { new(l["Personen"], ReportValueKind.Text), new(l["Grund"], ReportValueKind.Text) };
        columns.AddRange(years.Select(y => new ReportColumn(YearLabel(y), ReportValueKind.Count)));
        columns.Add(new ReportColumn(l["Insgesamt"], ReportValueKind.Count));

        IReadOnlyList<object?> Row(string who, string reason, Func<int, int> count)
        {
            var perYear = years.Select(count).ToList();
            return [who, reason, .. perYear.Cast<object?>(), perYear.Sum()];
        }

        var refugees = l["Geflüchtete"].Value;
        var mentors = l["Mentorinnen und Mentoren"].Value;
        var rows = new List<IReadOnlyList<object?>> { Row(refugees, l["alle Gründe"], y => Year(y).RefugeeDepartures) };
        rows.AddRange(Enum.GetValues<DepartureReason>()
            .Where(r => RefugeeDepartureReasons.Any(c => c.Key == r))
            .Select(r => Row(refugees, HouseholdTexts.DepartureReason(l, r), y => RefugeeDepartureReasons.Where(c => c.Key == r && c.Year == y).Sum(c => c.Count))));
        rows.Add(Row(mentors, l["alle Gründe"], y => Year(y).MentorDepartures));
        rows.AddRange(MentorDepartureReasons.Select(c => c.Key).Distinct().Order(StringComparer.Ordinal)
            .Select(r => Row(mentors, r.Length == 0 ? l["ohne Angabe"] : r, y => MentorDepartureReasons.Where(c => c.Key == r && c.Year == y).Sum(c => c.Count))));
        return new ReportTable(Keys.Departures, l["Vorzeitig Ausgeschiedene nach Grund"], columns, rows);
    }

    private ReportTable EscrowTable(IStringLocalizer l)
    {
        var rows = Years.Select(y => (IReadOnlyList<object?>)[YearLabel(y.Year), y.Escrow.Deposited, y.Escrow.PaidAsRent,
                l["{0} von {1}", y.Escrow.RentPaymentsConfirmed, y.Escrow.RentPayments].Value, y.Escrow.Refunded, y.Escrow.BalanceAtYearEnd])
            .Append([l["Stichtag {0:dd.MM.yyyy}", Request.Stichtag].Value, null, null, null, null, AtStichtag.EscrowBalance]).ToList();
        return new ReportTable(Keys.Escrow, l["Mietkonten (nach Wertstellung)"],
        [
            new(l["Jahr"], ReportValueKind.Text),
            new(l["Eingezahlt"], ReportValueKind.Money),
            new(l["Als Miete ausgezahlt"], ReportValueKind.Money),
            new(l["Mietzahlungen durch Kontoauszüge bestätigt"], ReportValueKind.Text),
            new(l["Zurückgezahlt"], ReportValueKind.Money),
            new(l["Guthaben am Jahresende bzw. Stichtag"], ReportValueKind.Money),
        ], rows);
    }

    private ReportTable OutreachTable(IStringLocalizer l)
    {
        var kinds = Enum.GetValues<OutreachKind>();
        var columns = new List<ReportColumn> { new(l["Jahr"], ReportValueKind.Text), new(l["Veranstaltungen und Aktionen"], ReportValueKind.Count) };
        columns.AddRange(kinds.Select(k => new ReportColumn(OutreachKindLabel(l, k), ReportValueKind.Count)));
        columns.Add(new(l["Eingeladene Kommunen"], ReportValueKind.Count));
        columns.Add(new(l["Informierte Kommunen"], ReportValueKind.Count));
        columns.Add(new(l["davon Sicherer Hafen"], ReportValueKind.Count));
        var rows = Years.Select(y => (IReadOnlyList<object?>)
        [
            YearLabel(y.Year), y.Outreach.Events, .. kinds.Select(k => (object?)y.Outreach.EventsByKind[k]),
            y.Outreach.MunicipalitiesInvited, y.Outreach.MunicipalitiesInformed, y.Outreach.InformedSafeHarbours,
        ]).ToList();
        return new ReportTable(Keys.Outreach, l["Öffentlichkeitsarbeit bei Kommunen"], columns, rows);
    }

    private ReportTable RegionalTable(IStringLocalizer l, string key, AreaLevel level, string title)
    {
        var columns = new List<ReportColumn> { new(l["Regierungsbezirk"], ReportValueKind.Text) };
        if (level >= AreaLevel.District) columns.Add(new(l["Kreis"], ReportValueKind.Text));
        if (level == AreaLevel.Municipality)
        {
            columns.Add(new(l["Gemeinde"], ReportValueKind.Text));
            columns.Add(new(l["Gemeindeschlüssel"], ReportValueKind.Code));
            columns.Add(new(l["Sicherer Hafen"], ReportValueKind.Text));
        }

        columns.AddRange(
        [
            new(l["Jahr"], ReportValueKind.Text),
            new(l["Gruppen mit Kostenübernahme"], ReportValueKind.Count),
            new(l["Eingereiste Geflüchtete"], ReportValueKind.Count),
            new(l["Vorzeitig ausgeschiedene Geflüchtete"], ReportValueKind.Count),
            new(l["Vorzeitig ausgeschiedene Mentorinnen und Mentoren"], ReportValueKind.Count),
            new(l["Abgeschlossene Mentoring-Übernahmen"], ReportValueKind.Count),
        ]);
        var unallocated = l["ohne Zuweisung"].Value;
        var rows = Areas.Where(a => a.Area.Level == level).Select(a =>
        {
            var cells = new List<object?> { a.Area.Region ?? unallocated };
            if (level >= AreaLevel.District) cells.Add(a.Area.District ?? unallocated);
            if (level == AreaLevel.Municipality)
            {
                cells.Add(a.Area.MunicipalityName ?? unallocated);
                cells.Add(a.Area.Ags);
                cells.Add(a.Area.IsUnallocated ? null : SafeHarbour(l, a.Area));
            }

            cells.AddRange([YearLabel(a.Year), a.GroupsTookOnCosts, a.RefugeesArrived, a.RefugeeDepartures, a.MentorDepartures, a.SponsorshipsCompleted]);
            return (IReadOnlyList<object?>)cells;
        }).ToList();
        return new ReportTable(key, title, columns, rows);
    }

    private static string LevelName(IStringLocalizer l, AreaLevel level) => level switch
    {
        AreaLevel.State => l["Land"],
        AreaLevel.AdministrativeRegion => l["Regierungsbezirk"],
        AreaLevel.District => l["Kreis"],
        _ => l["Gemeinde"],
    };

    private static string AreaName(IStringLocalizer l, Area area) => area switch
    {
        { Level: AreaLevel.State } => l["Nordrhein-Westfalen"],
        { IsUnallocated: true } => l["ohne Zuweisung"],
        { Level: AreaLevel.AdministrativeRegion } => area.Region!,
        { Level: AreaLevel.District } => area.District!,
        _ => area.MunicipalityName!,
    };

    /// <summary>"ja, seit dd.MM.yyyy" when the municipality had declared itself Sicherer Hafen by the Stichtag, else "nein".</summary>
    private static string SafeHarbour(IStringLocalizer l, Area area) =>
        area.SafeHarbourSince is { } since ? l["ja, seit {0:dd.MM.yyyy}", since] : l["nein"];

    public static string OutreachKindLabel(IStringLocalizer l, OutreachKind kind) => kind switch
    {
        OutreachKind.Conference => l["davon Konferenzen und Veranstaltungen"],
        OutreachKind.Print => l["davon Druckerzeugnisse"],
        OutreachKind.Web => l["davon Web und Newsletter"],
        _ => l["davon Gespräche"],
    };
}
