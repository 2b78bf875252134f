using NestPortal.Development.SampleData;

namespace NestPortal.Development.DemoData;

/// <summary>
/// One demo household and its group. Days are counted from today: a negative
/// <see cref="ArrivalInDays"/> means the family arrived that many days ago, a positive one that it is
/// expected then. Without <see cref="Group"/> the household waits for BAMF's match; without
/// <see cref="AllocatedTo"/> a matched household waits for its Zuweisungsentscheidung. <see cref="Funding"/>
/// says how the group paid into the rent account.
/// </summary>
public sealed record DemoStory(
    string Nationality,
    int Size,
    int? ArrivalInDays,
    string? Group = null,
    string? Home = null,
    string? AllocatedTo = null,
    string? FirstAllocatedTo = null,
    bool Acknowledged = false,
    SampleDeparture Departure = SampleDeparture.None,
    string? Note = null,
    bool OwnedByDemoMentor = false,
    SampleFunding Funding = SampleFunding.Full);

/// <summary>The demo set: forty households in every state, spread over the five Regierungsbezirke.</summary>
public static class DemoStories
{
    public const string Dortmund = "05913000";

    public static readonly IReadOnlyList<DemoStory> All =
    [
        // Dortmund, the demo municipality: rent ending soon, arrivals in the next weeks, a departure, decisions moved.
        new("SY", 5, -330, "Flüchtlingshilfe Dortmund-Eving", Dortmund, Dortmund, Acknowledged: true),
        new("ER", 4, -300, "Nachbarschaftskreis Hombruch", Dortmund, Dortmund, Acknowledged: true, Departure: SampleDeparture.OnePerson),
        new("AF", 6, -275, "Lokale Allianz Dortmund-Nord", Dortmund, Dortmund, Acknowledged: true,
            Note: "Dolmetschung Dari für Behördengänge erforderlich."),
        new("SY", 4, -75, "Patenschaft Phoenixsee", Dortmund, Dortmund, Acknowledged: true, OwnedByDemoMentor: true),
        new("SD", 3, -120, "Familienpaten Huckarde", Dortmund, Dortmund, Acknowledged: true, Departure: SampleDeparture.WholeHousehold),
        new("SS", 5, 20, "Ökumenischer Helferkreis Aplerbeck", Dortmund, Dortmund),
        new("SO", 3, 45, "Mentoring-Gruppe Kirchhörde", Dortmund, Dortmund, FirstAllocatedTo: "05978024",
            Note: "Alleinerziehende Mutter; ein Kita-Platz wird dringend gebraucht."),
        new("CD", 4, 55, "Sportverein Brünninghausen hilft", Dortmund, Dortmund),
        new("IQ", 2, 35, "Hagener Patennetz", "05914000", "05914000", FirstAllocatedTo: Dortmund),

        // Elsewhere in NRW.
        new("SY", 6, -200, "Integrationspaten Köln-Nippes", "05315000", "05315000", Acknowledged: true, Funding: SampleFunding.RentRise),
        new("ER", 3, -150, "Freundeskreis Asyl Schildesche", "05711000", "05711000", Acknowledged: true, Funding: SampleFunding.Short),
        new("AF", 5, -90, "Ev. Kirchengemeinde Essen-Rüttenscheid", "05113000", "05113000", Departure: SampleDeparture.OnePerson),
        new("SO", 4, -240, "Begegnung Aachen-Burtscheid", "05334002", "05334002", Acknowledged: true),
        new("SS", 6, 70, "Netzwerk Paderborn hilft", "05774032", "05774032"),
        new("CD", 3, -30, "Mentoren Siegen-Weidenau", "05970040", "05970040", Acknowledged: true),
        new("IQ", 5, -180, "Nachbarn für Nachbarn Gelsenkirchen-Buer", "05513000", "05513000", Acknowledged: true),
        new("SY", 4, 40, "Patengruppe Bochum-Langendreer", "05911000"),
        new("SD", 5, 75, "Caritas-Mentoring Düsseldorf-Bilk", "05111000"),
        new("ER", 2, 15, "Bürgerinitiative Wuppertal-Elberfeld", "05124000", "05124000"),
        new("AF", 4, -350, "Moscheegemeinde Hamm-Mitte", "05915000", "05915000", Acknowledged: true),
        new("SO", 5, 100, "Lippische Gemeinden Detmold", "05766020"),
        new("SY", 3, -10, "Studierende helfen Bonn", "05314000", "05314000"),
        new("CD", 5, -45, "Rheiner Bürgerstiftung Mentoring", "05566076", "05566076", Acknowledged: true),

        // Recorded by the competence centre, waiting for BAMF's match.
        new("SY", 5, 120), new("AF", 7, 150), new("ER", 3, 90), new("SS", 4, null), new("SO", 6, 180),
        new("SD", 2, 130), new("IQ", 4, null, Note: "Barrierefreie Wohnung im Erdgeschoss nötig."), new("CD", 6, 160),
        new("SY", 3, 200), new("AF", 4, null), new("ER", 5, 110), new("SS", 3, 140), new("SO", 1, null),
        new("SD", 6, 170), new("IQ", 3, 95), new("CD", 2, null), new("SY", 4, 210),
    ];

    /// <summary>A sponsoring group that dissolved; another group carries on the family's support, the rent continues.</summary>
    public const string DissolvedGroup = "Rheiner Bürgerstiftung Mentoring";

    public const string ContinuedSupportBy = "Caritasverband Rheine, Migrationsdienst (Frau Albers, 05971 123456)";

    /// <summary>An approved group whose main contact left, so it shows the staffing warning until it names a new one.</summary>
    public const string GroupMissingMainContact = "Nachbarschaftsnetz Düren";

    /// <summary>Groups in the other states, without a household: the review queue and the match list need them too.</summary>
    public static readonly IReadOnlyList<(string Name, string Home, string State)> OtherGroups =
    [
        ("Bürgerstiftung Lemgo Patenschaften", "05766044", "Approved"),
        ("Nachbarschaftsnetz Düren", "05358008", "Approved"),
        ("Patenteam Minden-Bärenkämpen", "05770024", "Submitted"),
        ("Freiwilligenagentur Witten", "05954036", "Submitted"),
        ("Initiative Euskirchen hilft", "05366016", "Draft"),
    ];
}
