using NestPortal.Web.Authorization;

namespace NestPortal.Browser.Tests;

/// <summary>
/// A mentor changes their password on *Mein Konto* → *Passwort ändern* (axe-clean and fitting a laptop's
/// and a phone's window), then signs in with the new one; the old one no longer works.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChangePasswordJourneyTests(BrowserHost host)
{
    private const string NewPassword = "Kastanie Leuchtturm Wollsocke Abendrot";

    [Fact]
    public async Task A_person_changes_their_password_and_signs_in_with_the_new_one()
    {
        var email = $"passwort-{Guid.NewGuid():N}@tests.nestportal.invalid";
        await host.CreateUserAsync(email, "Paula Passwort", Roles.Mentor);
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, email, BrowserHost.TestPassword);

        await page.GotoAsync("/Account/Manage");
        await page.Locator("main a[href='/Account/Manage/ChangePassword']").ClickAsync();
        await page.WaitForURLAsync("**/Account/Manage/ChangePassword");
        await BrowserHost.AssertAccessibleAndFitsAsync(page);

        // A guessable one first: the form stays, with the advice, and must still be accessible.
        await page.Locator("#Input_CurrentPassword").FillAsync(BrowserHost.TestPassword);
        await page.Locator("#Input_NewPassword").FillAsync("passwort12345");
        await page.Locator("#Input_ConfirmPassword").FillAsync("passwort12345");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
        (await page.Locator("main").TextContentAsync())!.ShouldContain("Dieses Passwort ist zu leicht zu erraten.");
        await BrowserHost.AssertAccessibleAndFitsAsync(page);

        await page.Locator("#Input_CurrentPassword").FillAsync(BrowserHost.TestPassword);
        await page.Locator("#Input_NewPassword").FillAsync(NewPassword);
        await page.Locator("#Input_ConfirmPassword").FillAsync(NewPassword);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/Account/Manage");
        (await page.Locator("main [role=status]").TextContentAsync())!
            .ShouldContain("Ihr Passwort ist geändert.");
        await BrowserHost.AssertAccessibleAndFitsAsync(page);

        var later = await host.NewPageAsync();
        await host.SignInAsync(later, email, BrowserHost.TestPassword);
        new Uri(later.Url).AbsolutePath.ShouldBe("/Account/Login", "the old password no longer works");
        await host.SignInAsync(later, email, NewPassword);
        await later.GotoAsync("/Groups");
        new Uri(later.Url).AbsolutePath.ShouldBe("/Groups");
    }
}
