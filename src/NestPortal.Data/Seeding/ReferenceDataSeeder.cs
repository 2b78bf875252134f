using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Programme;

namespace NestPortal.Data.Seeding;

/// <summary>
/// Seeds the data every installation needs: the 396 NRW municipalities (upsert by AGS, so a new
/// register file updates names and a second start changes nothing) and the programme rule sets
/// (inserted once by code; afterwards they belong to the administrators).
/// </summary>
public sealed class ReferenceDataSeeder(NestPortalDbContext db, ILogger<ReferenceDataSeeder> logger)
{
    private const string MunicipalitiesResource = "NestPortal.Data.ReferenceData.nrw-municipalities.csv";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await SeedMunicipalitiesAsync(ReadRegister(), cancellationToken);
        await SeedRuleSetsAsync(cancellationToken);
    }

    public async Task<(int Added, int Updated)> SeedMunicipalitiesAsync(IReadOnlyList<RegisterRow> rows, CancellationToken cancellationToken = default)
    {
        var existing = await db.Municipalities.ToDictionaryAsync(m => m.Ags, cancellationToken);
        int added = 0, updated = 0;
        foreach (var row in rows)
        {
            var ags = Ags.Parse(row.Ags);
            if (existing.TryGetValue(ags, out var municipality))
            {
                if (municipality.UpdateFromRegister(row.Name, row.Kind, row.District, row.AdministrativeRegion, row.Postcode, row.Population))
                    updated++;
            }
            else
            {
                db.Municipalities.Add(new Municipality(ags, row.Name, row.Kind, row.District, row.AdministrativeRegion, row.Postcode, row.Population));
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (added + updated > 0)
            logger.LogInformation("Municipality register: {Added} added, {Updated} updated", added, updated);
        return (added, updated);
    }

    private async Task SeedRuleSetsAsync(CancellationToken cancellationToken)
    {
        var codes = await db.RuleSets.Select(r => r.Code).ToListAsync(cancellationToken);
        foreach (var ruleSet in SeededRuleSets.All().Where(r => !codes.Contains(r.Code)))
        {
            db.RuleSets.Add(ruleSet);
            logger.LogInformation("Rule set {Code} seeded", ruleSet.Code);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static IReadOnlyList<RegisterRow> ReadRegister()
    {
        using var stream = typeof(ReferenceDataSeeder).Assembly.GetManifestResourceStream(MunicipalitiesResource)
                           ?? throw new InvalidOperationException($"Embedded resource {MunicipalitiesResource} is missing.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Context.RegisterClassMap<RegisterRowMap>();
        return csv.GetRecords<RegisterRow>().ToList();
    }

    public sealed record RegisterRow(string Ags, string Name, string Kind, string District, string AdministrativeRegion, string Postcode, int Population);

    private sealed class RegisterRowMap : ClassMap<RegisterRow>
    {
        public RegisterRowMap()
        {
            Parameter(nameof(RegisterRow.Ags)).Name("ags");
            Parameter(nameof(RegisterRow.Name)).Name("name");
            Parameter(nameof(RegisterRow.Kind)).Name("kind");
            Parameter(nameof(RegisterRow.District)).Name("district");
            Parameter(nameof(RegisterRow.AdministrativeRegion)).Name("administrative_region");
            Parameter(nameof(RegisterRow.Postcode)).Name("postcode");
            Parameter(nameof(RegisterRow.Population)).Name("population_2019");
        }
    }
}
