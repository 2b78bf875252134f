namespace NestPortal.Development.DemoData;

/// <summary>
/// One family of the programme's history: its group, where it lived, when it arrived. The other dates
/// are worked back from the arrival (<see cref="DemoHistory"/>). <see cref="MovedToNewRules"/> marks a
/// pilot sponsorship that staff moved to the permanent rules on 1 July 2022, as happened then.
/// </summary>
public sealed record DemoHistoryStory(string Group, string Home, string Nationality, int Size, DateOnly Arrived, bool MovedToNewRules = false);

/// <summary>
/// The history before the present-day demo set (<see cref="DemoStories"/>): arrivals in every year from
/// the first in November 2019 to 2025, under the pilot's rules until June 2022 and the permanent ones
/// after, so the yearly report shows a series rather than empty years. Outside Dortmund, so the demo
/// municipality's pages keep their present-day story.
/// </summary>
public static class DemoHistoryStories
{
    /// <summary>Reference prefix of the historical households; seeding is skipped when one exists.</summary>
    public const string ReferencePrefix = "NesT-H-";

    /// <summary>The group that took in a second family after its first sponsorship ended.</summary>
    public const string SecondFamilyGroup = "Flüchtlingshilfe Münster-Kinderhaus";

    /// <summary>The day NesT ended in its permanent form (docs/domain.md).</summary>
    public static readonly DateOnly ProgrammeEnd = new(2025, 12, 31);

    public static readonly IReadOnlyList<DemoHistoryStory> All =
    [
        new(SecondFamilyGroup, "05515000", "SY", 5, new(2019, 11, 7)),
        new("Ev. Kirchengemeinde Bonn-Beuel", "05314000", "ER", 4, new(2020, 2, 19)),
        new("Willkommensnetz Bielefeld-Brackwede", "05711000", "SS", 6, new(2020, 9, 23)),
        new("Begegnungscafé Köln-Kalk", "05315000", "SY", 4, new(2021, 3, 10)),
        new("Patenkreis Aachen-Brand", "05334002", "SO", 5, new(2021, 6, 16)),
        new("Mentoring Essen-Steele", "05113000", "AF", 6, new(2021, 10, 6)),
        new("Nachbarschaftshilfe Bochum-Wattenscheid", "05911000", "IQ", 4, new(2022, 3, 9), MovedToNewRules: true),
        new(SecondFamilyGroup, "05515000", "CD", 3, new(2022, 9, 14)),
        new("Freundeskreis Paderborn-Schloß Neuhaus", "05774032", "SD", 5, new(2023, 4, 19)),
        new("Bürgerverein Düsseldorf-Gerresheim", "05111000", "ER", 3, new(2023, 10, 11)),
        new("Helferkreis Wuppertal-Vohwinkel", "05124000", "SY", 6, new(2024, 5, 8)),
        new("Patengemeinschaft Detmold-Hiddesen", "05766020", "AF", 4, new(2024, 11, 20)),
        new("Integrationspaten Hamm-Heessen", "05915000", "SO", 5, new(2025, 3, 12)),
        new("Kolpingfamilie Siegen-Geisweid", "05970040", "CD", 4, new(2025, 9, 17)),
    ];
}
