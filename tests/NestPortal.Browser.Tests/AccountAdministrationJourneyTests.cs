using Microsoft.Playwright;
using NestPortal.Web.Authorization;

namespace NestPortal.Browser.Tests;

/// <summary>
/// An administrator finds a colleague's account by name, opens it and deactivates it after confirming;
/// the colleague then cannot sign in and reads what a wrong password reads. Every page is checked by axe,
/// at a phone's and a laptop's width.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountAdministrationJourneyTests(BrowserHost host)
{
    [Fact]
    public async Task Administrator_finds_an_account_deactivates_it_after_confirming_and_the_person_cannot_sign_in()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var colleagueName = $"Tilda Testkonto {suffix}";
        var colleagueEmail = $"tilda-{suffix}@bra.nrw.invalid";
        await host.CreateUserAsync(colleagueEmail, colleagueName, Roles.CompetenceCentre);
        var adminEmail = $"admin-konten-{suffix}@bra.nrw.invalid";
        await host.CreateUserAsync(adminEmail, "Konrad Konten", Roles.Administrator);
        var admin = await host.NewPageAsync();
        await host.SignInAsync(admin, adminEmail, BrowserHost.TestPassword);
        await host.EnrolAuthenticatorAsync(admin, adminEmail);

        await admin.GetByRole(AriaRole.Button, new() { Name = "Verwaltung" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Benutzerkonten" }).ClickAsync();
        await BrowserHost.AssertAccessibleAndFitsAsync(admin);
        await admin.GetByLabel("Suche (Name, E-Mail-Adresse)").FillAsync(colleagueName);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await BrowserHost.AssertAccessibleAndFitsAsync(admin);
        await admin.Locator("main table").GetByRole(AriaRole.Link, new() { Name = colleagueName }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync($"Benutzerkonto {colleagueName}");
        await BrowserHost.AssertAccessibleAndFitsAsync(admin);
        (await admin.Locator("[data-fact=status]").TextContentAsync()).ShouldBe("aktiv");

        await admin.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Konto deaktivieren" }).ClickAsync();
        await BrowserHost.AssertAccessibleAndFitsAsync(admin);

        // Without the confirmation nothing happens, and the page says why.
        await admin.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Konto deaktivieren" }).ClickAsync();
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("Bitte bestätigen Sie, dass das Konto deaktiviert werden soll.");
        await BrowserHost.AssertAccessibleAndFitsAsync(admin);

        await admin.GetByLabel("Ich möchte das Konto deaktivieren. Die Person kann sich danach nicht mehr anmelden; ihre offenen Sitzungen enden.").CheckAsync();
        await admin.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Konto deaktivieren" }).ClickAsync();
        await Assertions.Expect(admin.Locator("main [role=status]"))
            .ToHaveTextAsync($"Das Konto {colleagueEmail} ist deaktiviert. Die Person kann sich nicht mehr anmelden; ihre Sitzungen sind beendet.");
        (await admin.Locator("[data-fact=status]").TextContentAsync())!.ShouldStartWith("deaktiviert seit ");
        await Assertions.Expect(admin.Locator("#account-history")).ToContainTextAsync("Konrad Konten");
        await BrowserHost.AssertAccessibleAndFitsAsync(admin);

        var colleague = await host.NewPageAsync();
        await host.SignInAsync(colleague, colleagueEmail, BrowserHost.TestPassword);
        new Uri(colleague.Url).AbsolutePath.ShouldBe("/Account/Login");
        await Assertions.Expect(colleague.Locator("main [role=alert]")).ToContainTextAsync("E-Mail-Adresse oder Passwort ist falsch.");
        await BrowserHost.AssertAccessibleAndFitsAsync(colleague);
    }
}
