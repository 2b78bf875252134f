using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Outreach;
using NestPortal.Web.Authorization;

namespace NestPortal.Development.DemoData;

/// <summary>
/// Seeds a few outreach events of 2019–2023 and the Sicherer-Hafen decisions of some large cities,
/// so the outreach log and the municipality pages have something to show. Runs once: only while the
/// log is empty (a decision withdrawn by hand stays withdrawn after a restart).
/// </summary>
public static class DemoOutreach
{
    private const string Koeln = "05315000", Duesseldorf = "05111000", Bonn = "05314000", Muenster = "05515000", Bielefeld = "05711000",
        Dortmund = "05913000", Essen = "05113000", Aachen = "05334002", Leverkusen = "05316000", Wuppertal = "05124000", Bochum = "05911000";

    /// <summary>Council decisions as the cities' press releases dated them (rounded to plausible council sessions).</summary>
    private static readonly (string Ags, DateOnly DecidedOn)[] SafeHarbours =
    [
        (Koeln, new(2018, 9, 6)), (Duesseldorf, new(2018, 9, 20)), (Bonn, new(2018, 11, 8)), (Muenster, new(2018, 10, 24)),
        (Bielefeld, new(2018, 12, 13)), (Aachen, new(2019, 2, 6)), (Wuppertal, new(2019, 3, 25)),
    ];

    public static async Task SeedAsync(NestPortalDbContext db, TimeProvider time)
    {
        if (await db.OutreachEvents.AnyAsync()) return;
        var today = time.TodayInGermany();
        var now = time.UtcNow();
        var staffAccount = DemoUsers.All.Single(u => u.Role == Roles.CompetenceCentre);
        var staffUser = await db.Users.Where(u => u.Email == staffAccount.Email).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync();
        var staff = staffUser is null ? new Actor("demo-kfi", staffAccount.DisplayName) : new Actor(staffUser.Id, staffUser.DisplayName);

        var cities = await db.Municipalities.Where(m => m.Kind == "Kreisfreie Stadt").Select(m => m.Ags).ToListAsync();
        var cologneRegion = await db.Municipalities.Where(m => m.AdministrativeRegion == "Reg.-Bez. Köln").Select(m => m.Ags).ToListAsync();

        OutreachEvent Event(string date, string title, OutreachKind kind, string? note, IEnumerable<Ags> invited, IEnumerable<Ags> informed) =>
            OutreachEvent.Record(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), title, kind, note, invited, informed, today, staff, now);

        db.OutreachEvents.AddRange(
            Event("2019-03-21", "Auftakt NesT NRW: Informationsveranstaltung für Kommunen", OutreachKind.Conference, "Im Landeshaus Düsseldorf, rund 80 Teilnehmende.",
                Keys(Koeln, Duesseldorf, Bonn, Muenster, Bielefeld, Dortmund, Essen), Keys(Koeln, Duesseldorf, Muenster, Bielefeld)),
            Event("2019-11-12", "Rundschreiben an die kreisfreien Städte: NesT und Wohnraum", OutreachKind.Print, null, cities, cities),
            Event("2020-06-16", "Online-Seminar: Wohnraum für NesT-Familien finden", OutreachKind.Web, "Wegen der Pandemie online statt in Präsenz.",
                Keys(Koeln, Duesseldorf, Bonn, Muenster, Bielefeld, Dortmund, Essen, Bochum, Wuppertal, Aachen), Keys(Koeln, Bonn, Bochum, Wuppertal, Aachen)),
            Event("2021-09-14", "Fachtag NesT im Regierungsbezirk Köln", OutreachKind.Conference, null,
                cologneRegion, Keys(Koeln, Bonn, Aachen, Leverkusen)),
            Event("2023-02-08", "Gespräch mit der Stadt Bielefeld zur Aufnahme weiterer Familien", OutreachKind.Meeting, null,
                Keys(Bielefeld), Keys(Bielefeld)));

        foreach (var (ags, decidedOn) in SafeHarbours)
        {
            var key = Ags.Parse(ags);
            var municipality = await db.Municipalities.SingleAsync(m => m.Ags == key);
            municipality.RecordSafeHarbourDecision(decidedOn, today);
        }

        await db.SaveChangesAsync();
    }

    private static Ags[] Keys(params string[] ags) => ags.Select(Ags.Parse).ToArray();
}
