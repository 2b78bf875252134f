using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Operations;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Import;

/// <summary>Country columns take what people write: codes as before, and the names the portal shows, in German or English, in any case.</summary>
public sealed class ImportCountryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Names_and_alpha_3_codes_are_accepted_and_stored_as_the_portals_codes()
    {
        var book = ImportSampleWorkbook.Valid(1, "LAND");
        var persons = book["Personen"];
        (persons[0]["Staatsangehörigkeit"], persons[0]["Erstaufnahmeland"]) = ("SYRIEN", "Lebanon");
        (persons[1]["Staatsangehörigkeit"], persons[1]["Erstaufnahmeland"]) = ("syr", "Türkei");

        var (checkedImport, report) = await factory.DryRunAsync(book.ToXlsx());
        report.ErrorCount.ShouldBe(0, report.Describe());
        await factory.CommitAsync(checkedImport.Id);

        var stored = await factory.QueryAsync(db => db.Households.Where(h => h.Reference == "LAND-F1").SelectMany(h => h.Persons)
            .OrderBy(p => p.GivenName).Select(p => new { p.NationalityCode, p.FirstRefugeCountryCode }).ToListAsync());
        stored.Select(p => (p.NationalityCode, p.FirstRefugeCountryCode)).ShouldBe([("SY", "LB"), ("SY", "TR")]);
    }

    [Fact]
    public async Task An_unknown_country_is_an_error_naming_row_column_and_value_and_nothing_is_written()
    {
        var book = ImportSampleWorkbook.Valid(1, "ATL");
        book["Personen"][1]["Staatsangehörigkeit"] = "Atlantis";
        book["Personen"][0]["Erstaufnahmeland"] = "staatenlos";
        var before = await factory.CountsAsync();

        var (import, report) = await factory.DryRunAsync(book.ToXlsx());

        import.Status.ShouldBe(DataImportStatus.Invalid);
        var nationality = report.Errors.Where(e => e.Column == "Staatsangehörigkeit").ShouldHaveSingleItem();
        (nationality.Sheet, nationality.Row).ShouldBe(("Personen", 3));
        nationality.Text.De.ShouldStartWith("„Atlantis“ ist keine Staatsangehörigkeit der Länderliste");
        nationality.Text.En.ShouldStartWith("“Atlantis” is no nationality");
        var country = report.Errors.Where(e => e.Column == "Erstaufnahmeland").ShouldHaveSingleItem();
        (country.Sheet, country.Row).ShouldBe(("Personen", 2));
        // Stateless is a nationality, not a country one fled to.
        country.Text.De.ShouldStartWith("„staatenlos“ ist kein Land der Länderliste");
        (await factory.CountsAsync()).ShouldBe(before);
    }
}
