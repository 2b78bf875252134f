using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Development.DemoData;

/// <summary>
/// Plausible postal addresses of the administrations the demo set writes to (the kreisfreie Städte and every
/// municipality a demo family is allocated to or lives in), so decision letters can be written in the demo.
/// Dortmund and Bochum have their real town-hall addresses; the others a made-up "Rathausplatz 1" at the
/// town hall's postcode. Production seeds none: the competence centre enters or imports them. Runs once,
/// while no municipality has an address (an address removed by hand stays removed after a restart).
/// </summary>
public static class DemoAddresses
{
    private static readonly Dictionary<string, string> Streets = new()
    {
        ["05913000"] = "Friedensplatz 1", // Dortmund
        ["05911000"] = "Willy-Brandt-Platz 2–6", // Bochum
    };

    public static async Task SeedAsync(NestPortalDbContext db)
    {
        if (await db.Municipalities.AnyAsync(m => m.AdministrationAddress != null)) return;
        var used = await db.Households.Where(h => h.AllocatedMunicipalityAgs != null).Select(h => h.AllocatedMunicipalityAgs!.Value)
            .Concat(db.Sponsorships.Select(s => s.Apartment.MunicipalityAgs))
            .Concat(db.Allocations.Select(a => a.MunicipalityAgs))
            .Distinct().ToListAsync();
        var municipalities = await db.Municipalities.Where(m => m.Kind == "Kreisfreie Stadt" || used.Contains(m.Ags)).ToListAsync();
        foreach (var municipality in municipalities)
        {
            var place = municipality.Name.Split(", ", 2)[0];
            var addressee = municipality.Kind == "Kreisfreie Stadt" ? $"Stadt {place} – Der Oberbürgermeister"
                : municipality.Kind == "Stadt" ? $"Stadt {place} – Der Bürgermeister"
                : $"Gemeinde {place} – Der Bürgermeister";
            var street = Streets.GetValueOrDefault(municipality.Ags.Value, "Rathausplatz 1");
            municipality.RecordAdministrationContact(
                AdministrationAddress.Create(addressee, street, municipality.Postcode, place), $"zuweisung-{municipality.Ags.Value}@demo.nestportal.invalid");
        }

        await db.SaveChangesAsync();
    }
}
