using System.Text.Json;
using Microsoft.Playwright;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Browser.Tests;

/// <summary>
/// A mentor asks what the portal holds about them (GDPR Art. 15): from the menu to *Mein Konto*, the
/// download of their data as JSON, and the readable version; every page passes axe and fits a phone and
/// a laptop without sideways scrolling.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessRequestJourneyTests(BrowserHost host)
{
    [Fact]
    public async Task A_mentor_downloads_their_own_data_from_the_account_page()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var email = $"auskunft-{suffix}@beispiel.invalid";
        var groupName = $"Auskunftsgruppe {suffix}";
        var userId = await host.CreateUserAsync(email, "Frieda Fragend", Roles.Mentor);
        await host.Factory.CreateGroupAsync(userId, groupName, memberEmails: [email]);

        var page = await host.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 900);
        await host.SignInAsync(page, email, BrowserHost.TestPassword);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" })
            .GetByRole(AriaRole.Link, new() { Name = "Mein Konto" }).ClickAsync();
        await BrowserHost.AssertAccessibleAndFitsAsync(page);
        new Uri(page.Url).AbsolutePath.ShouldBe("/Account/Manage");
        (await page.Locator("[data-fact='email']").TextContentAsync())!.Trim().ShouldBe(email);

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Meine Daten herunterladen" }).ClickAsync());
        download.SuggestedFilename.ShouldStartWith("meine-daten-nestportal-");
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        text.ShouldContain(email);
        using (var json = JsonDocument.Parse(text))
        {
            json.RootElement.GetProperty("account").GetProperty("email").GetString().ShouldBe(email);
            json.RootElement.GetProperty("memberships").EnumerateArray().ShouldHaveSingleItem()
                .GetProperty("groupName").GetString().ShouldBe(groupName);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Meine Daten ansehen" }).ClickAsync();
        await BrowserHost.AssertAccessibleAndFitsAsync(page);
        (await page.Locator("h1").TextContentAsync())!.ShouldBe("Meine Daten (Art. 15 DSGVO)");
        (await page.Locator("[data-list='groups']").TextContentAsync())!.ShouldContain(groupName);
    }

}
