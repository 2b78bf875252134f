namespace NestPortal.Web.Tests.Reports.NrwFigures;

/// <summary>
/// What the NRW government published (docs/report-definitions.md, "Published figures to check against"),
/// and what the import sample in docs/import-sample therefore has to yield, per Stichtag. Groups that took on costs: distinct groups
/// whose household's first arrival is in the year. The other figures follow from the sample's rows
/// (docs/import-sample/README.md).
/// </summary>
public sealed record NrwFigures(
    DateOnly Stichtag,
    IReadOnlyDictionary<int, int> GroupsTookOnCosts,
    IReadOnlyDictionary<int, int> RefugeesArrived,
    int ArrivedCumulative,
    int InProgramme,
    decimal EscrowBalance)
{
    public static readonly NrwFigures June2021 = new(new DateOnly(2021, 6, 25),
        new Dictionary<int, int> { [2019] = 3, [2020] = 3, [2021] = 2 },
        new Dictionary<int, int> { [2019] = 15, [2020] = 12, [2021] = 10 },
        ArrivedCumulative: 37, InProgramme: 36, EscrowBalance: 103_354.00m);

    public static readonly NrwFigures End2021 = new(new DateOnly(2021, 12, 31),
        new Dictionary<int, int> { [2019] = 3, [2020] = 3, [2021] = 10 },
        new Dictionary<int, int> { [2019] = 15, [2020] = 12, [2021] = 42 },
        ArrivedCumulative: 69, InProgramme: 53, EscrowBalance: 144_598.00m);

    public static readonly NrwFigures End2022 = new(new DateOnly(2022, 12, 31),
        new Dictionary<int, int> { [2019] = 3, [2020] = 3, [2021] = 10, [2022] = 4 },
        new Dictionary<int, int> { [2019] = 15, [2020] = 12, [2021] = 42, [2022] = 16 },
        ArrivedCumulative: 85, InProgramme: 51, EscrowBalance: 70_130.00m);

    public static readonly IReadOnlyDictionary<string, NrwFigures> ByStichtag = new Dictionary<string, NrwFigures>
    {
        ["2021-06-25"] = June2021,
        ["2021-12-31"] = End2021,
        ["2022-12-31"] = End2022,
    };

    public static TheoryData<string> Stichtage => new(ByStichtag.Keys);

    public string Query => $"Stichtag={Stichtag:yyyy-MM-dd}";
}
