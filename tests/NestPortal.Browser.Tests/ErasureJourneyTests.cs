using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Reports;

namespace NestPortal.Browser.Tests;

/// <summary>
/// Its own portal and database: the erasure changes records the other journeys' pages show. Run after
/// them, alone, so two hosts never share the cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ErasureCollection : ICollectionFixture<BrowserHost>
{
    public const string Name = "Browser: erasure";
}

/// <summary>
/// An administrator looks at what is due for erasure (the dry run), erases it after a confirmation, and
/// finds the report's figures unchanged; the erased family's names are gone. Every page is checked by
/// axe, at a phone's and a laptop's width.
/// </summary>
[Collection(ErasureCollection.Name)]
public sealed class ErasureJourneyTests(BrowserHost host)
{
    private const string ReportQuery = "/Reports?Stichtag=2021-12-31&FromYear=2019&ToYear=2021";
    [Fact]
    public async Task Administrator_erases_what_is_due_and_the_report_stays_the_same()
    {
        // A family that arrived in 2021 and whose sponsorship was completed on 31.03.2022: on the tests' day
        // (17.06.2026) its 36 months of retention are over.
        var group = await host.Factory.GroupAsync("Löschprobe Bochum");
        var (householdId, sponsorshipId) = await host.Factory.SponsoredAsync(group, new DateOnly(2021, 3, 1), persons: 3);
        await host.Factory.SqlAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE Sponsorships SET Status = 'Completed', CompletedOn = '2022-03-31', RentPeriodCompletedOn = '2022-03-31', SupportCompletedOn = '2022-03-31' WHERE Id = {sponsorshipId}"));
        var (reference, names) = await host.Factory.QueryAsync(async db =>
        {
            var household = await db.Households.Include(h => h.Persons).SingleAsync(h => h.Id == householdId);
            return (household.Reference, household.Persons.Select(p => p.FamilyName).Distinct().ToList());
        });

        var adminEmail = $"admin-loesch-{Guid.NewGuid():N}"[..22] + "@bra.nrw.invalid";
        await host.CreateUserAsync(adminEmail, "Lotte Löschfrist", Roles.Administrator);
        var admin = await host.NewPageAsync();
        await host.SignInAsync(admin, adminEmail, BrowserHost.TestPassword);
        await host.EnrolAuthenticatorAsync(admin, adminEmail);

        await admin.GotoAsync(ReportQuery);
        await BrowserHost.AssertAccessibleAndFitsAsync(admin);
        var before = await TablesAsync(admin);
        before.ShouldContain("2021");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Verwaltung" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Löschfristen" }).ClickAsync();
        await BrowserHost.AssertAccessibleAndFitsAsync(admin);
        (await admin.Locator("#due-households").TextContentAsync())!.ShouldContain(reference);
        names.ShouldAllBe(name => !admin.Locator("#due-households").TextContentAsync().Result!.Contains(name));

        // Without the confirmation nothing happens, and the page says why.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Jetzt löschen" }).ClickAsync();
        await BrowserHost.AssertAccessibleAndFitsAsync(admin);
        (await admin.Locator("main").TextContentAsync())!.ShouldContain("Bitte bestätigen Sie, dass Sie die Liste geprüft haben");

        await admin.GetByLabel("Ich habe die Liste geprüft. Die Löschung kann nicht rückgängig gemacht werden.").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Jetzt löschen" }).ClickAsync();
        await BrowserHost.AssertAccessibleAndFitsAsync(admin);
        (await admin.Locator("main").TextContentAsync())!.ShouldContain("Heute ist nichts zu löschen.");

        await admin.GotoAsync(ReportQuery);
        await BrowserHost.AssertAccessibleAndFitsAsync(admin);
        (await TablesAsync(admin)).ShouldBe(before, "the report is the same after the erasure");
        var erased = await host.Factory.QueryAsync(db => db.Refugees.Where(r => EF.Property<int>(r, "HouseholdId") == householdId).ToListAsync());
        erased.ShouldAllBe(p => p.ErasedOn != null && p.FamilyName == "");
    }

    private static async Task<string> TablesAsync(IPage page) =>
        string.Join("\n", await page.Locator("main table").AllTextContentsAsync());

}
