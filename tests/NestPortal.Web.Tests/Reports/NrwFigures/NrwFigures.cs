namespace NestPortal.Web.Tests.Reports.NrwFigures;

/// <summary>
/// What the NRW government published (docs/report-definitions.md, "Published figures to check against"),
/// and what the import sample in docs/import-sample therefore has to yield, per Stichtag. Groups that took on costs: distinct groups
/// whose household's first arrival is in the year; refugees arrived by the Stichtag. The other figures
/// (arrivals per year, in the programme, escrow balance) are the sample's own (docs/import-sample/README.md).
/// </summary>
public sealed record NrwFigures(
    DateOnly Stichtag,
    IReadOnlyDictionary<int, int> GroupsTookOnCosts,
    IReadOnlyDictionary<int, int> RefugeesArrived,
    int ArrivedCumulative,
    int InProgramme,
    decimal EscrowBalance)
{
    /// <summary>KA 5514 (answered 25.06.2021): 2019: 3, 2020: 3, 2021 so far: 2 groups; 37 refugees arrived.</summary>
    public static readonly NrwFigures June2021 = new(new DateOnly(2021, 6, 25),
        new Dictionary<int, int> { [2019] = 3, [2020] = 3, [2021] = 2 },
        new Dictionary<int, int> { [2019] = 15, [2020] = 12, [2021] = 10 },
        ArrivedCumulative: 37, InProgramme: 36, EscrowBalance: 103_354.00m);

    public static readonly NrwFigures End2021 = new(new DateOnly(2021, 12, 31),
        new Dictionary<int, int> { [2019] = 3, [2020] = 3, [2021] = 10 },
        new Dictionary<int, int> { [2019] = 15, [2020] = 12, [2021] = 42 },
        ArrivedCumulative: 69, InProgramme: 53, EscrowBalance: 144_598.00m);

    /// <summary>KA 40 (answered 29.06.2022): 2021: 10 groups, 2022 so far: 4; 93 refugees arrived.</summary>
    public static readonly NrwFigures June2022 = new(new DateOnly(2022, 6, 29),
        new Dictionary<int, int> { [2019] = 3, [2020] = 3, [2021] = 10, [2022] = 4 },
        new Dictionary<int, int> { [2019] = 15, [2020] = 12, [2021] = 42, [2022] = 24 },
        ArrivedCumulative: 93, InProgramme: 74, EscrowBalance: 150_420.00m);

    public static readonly NrwFigures End2022 = new(new DateOnly(2022, 12, 31),
        new Dictionary<int, int> { [2019] = 3, [2020] = 3, [2021] = 10, [2022] = 4 },
        new Dictionary<int, int> { [2019] = 15, [2020] = 12, [2021] = 42, [2022] = 24 },
        ArrivedCumulative: 93, InProgramme: 59, EscrowBalance: 98_270.00m);

    /// <summary>KA 1119 (answered 20.01.2023): 2022: 4 groups; 93 refugees arrived (none since June 2022).</summary>
    public static readonly NrwFigures January2023 = new(new DateOnly(2023, 1, 20),
        new Dictionary<int, int> { [2019] = 3, [2020] = 3, [2021] = 10, [2022] = 4, [2023] = 0 },
        new Dictionary<int, int> { [2019] = 15, [2020] = 12, [2021] = 42, [2022] = 24, [2023] = 0 },
        ArrivedCumulative: 93, InProgramme: 59, EscrowBalance: 98_270.00m);

    public static readonly IReadOnlyDictionary<string, NrwFigures> ByStichtag = new Dictionary<string, NrwFigures>
    {
        ["2021-06-25"] = June2021,
        ["2021-12-31"] = End2021,
        ["2022-06-29"] = June2022,
        ["2022-12-31"] = End2022,
        ["2023-01-20"] = January2023,
    };

    public static TheoryData<string> Stichtage => new(ByStichtag.Keys);

    public string Query => $"Stichtag={Stichtag:yyyy-MM-dd}";
}
