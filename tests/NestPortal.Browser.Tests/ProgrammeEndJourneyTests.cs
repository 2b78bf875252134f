using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Browser.Tests;

/// <summary>
/// Its own portal and database: ending the programme would refuse the submissions of the other
/// journeys, which share the "Browser" host. Run after them, alone, so two hosts never share the cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProgrammeEndCollection : ICollectionFixture<BrowserHost>
{
    public const string Name = "Browser: programme end";
}

/// <summary>
/// The programme ends (as NesT did at the end of 2025): an administrator ends it on the rule-set pages,
/// and a new visitor reads on the start and registration pages that it takes no new groups. Every page
/// is checked by axe, at a phone's and a laptop's width.
/// </summary>
[Collection(ProgrammeEndCollection.Name)]
public sealed class ProgrammeEndJourneyTests(BrowserHost host)
{
    private static readonly DateOnly LastDay = new(2025, 12, 31);
    [Fact]
    public async Task Administrator_ends_the_programme_and_a_new_visitor_learns_it_takes_no_new_groups()
    {
        // The demo data submits groups today; in this host's history every group was submitted before
        // NesT's end, as in the real programme, so the end can lie on its real last day.
        await host.Factory.ExecuteAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE MentoringGroups SET SubmittedOn = '2025-11-03' WHERE SubmittedOn > '2025-12-31'"));
        var adminEmail = $"admin-ende-{Guid.NewGuid():N}"[..20] + "@bra.nrw.invalid";
        await host.CreateUserAsync(adminEmail, "Arne Administrator", Roles.Administrator);

        var admin = await host.NewPageAsync();
        await host.SignInAsync(admin, adminEmail, BrowserHost.TestPassword);
        await host.EnrolAuthenticatorAsync(admin, adminEmail);
        await admin.GotoAsync("/Admin/RuleSets");
        await BrowserHost.AssertAccessibleAndFitsAsync(admin);
        await admin.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Programm beenden" }).ClickAsync();
        await BrowserHost.AssertAccessibleAndFitsAsync(admin);

        // Without the confirmation nothing happens, and the form says why.
        await admin.GetByLabel("Letzter Tag des Programms").FillAsync(LastDay.Iso());
        await admin.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Programm beenden" }).ClickAsync();
        await BrowserHost.AssertAccessibleAndFitsAsync(admin);
        (await MainText(admin)).ShouldContain("Bitte bestätigen Sie, dass nach diesem Tag keine Gruppen mehr eingereicht und keine Familien mehr vermittelt werden.");

        await admin.GetByLabel("Nach diesem Tag werden keine Gruppen mehr eingereicht und keine Familien mehr vermittelt.").CheckAsync();
        await admin.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Programm beenden" }).ClickAsync();
        await BrowserHost.AssertAccessibleAndFitsAsync(admin);
        admin.Url.ShouldEndWith("/Admin/RuleSets");
        (await MainText(admin)).ShouldContain("Das Programm endet mit dem 31.12.2025.");

        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync("/");
        await BrowserHost.AssertAccessibleAndFitsAsync(visitor);
        var notice = (await visitor.Locator("[data-fact='programme-ended']").TextContentAsync())!;
        notice.ShouldContain("Das Programm NesT endete am 31.12.2025 und nimmt keine neuen Mentorengruppen mehr auf.");
        await visitor.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Als Mentorin oder Mentor registrieren" }).ClickAsync();
        await BrowserHost.AssertAccessibleAndFitsAsync(visitor);
        (await visitor.Locator("[data-fact='programme-ended']").TextContentAsync())!
            .ShouldContain("Ein Konto brauchen Sie nur noch als Mitglied einer bestehenden Gruppe.");
    }

    private static async Task<string> MainText(IPage page) => (await page.Locator("main").TextContentAsync())!;
}
