using Microsoft.Playwright;
using NestPortal.Web.Authorization;

namespace NestPortal.Browser.Tests;

/// <summary>
/// The menu fits every window: in a laptop's (1366 px) it stands in one line; in a small laptop's
/// (1024 px) and a phone's (390 px) it folds into a "Menü" button whose entries all lie inside the
/// window when opened. For the roles with the most entries, in German and English (longer words).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NavigationTests(BrowserHost host)
{
    public static TheoryData<string, string> RolesAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var email in new[] { Roles.CompetenceCentre, Roles.Administrator, Roles.Mentor }.Select(EmailOf))
        foreach (var culture in new[] { "de-DE", "en" })
            data.Add(email, culture);
        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndCultures))]
    public async Task The_menu_stands_in_one_line_on_a_laptop_and_folds_before_it_overflows(string email, string culture)
    {
        var page = await host.NewPageAsync(culture);
        await host.SignInAsync(page, email, DemoUsers.Password);
        if (page.Url.Contains("/Account/Manage/TwoFactor", StringComparison.OrdinalIgnoreCase))
            await host.EnrolAuthenticatorAsync(page, email);
        var menuButton = page.Locator(".np-menu-button");
        var links = page.Locator("#main-nav .np-nav__link:not(.np-nav__submenu .np-nav__link)");
        var linkCount = await links.CountAsync();
        linkCount.ShouldBeGreaterThan(2);

        await page.SetViewportSizeAsync(1366, 768);
        await BrowserHost.AssertFitsAsync(page);
        (await menuButton.IsVisibleAsync()).ShouldBeFalse("no menu button on a laptop");
        var tops = new HashSet<int>();
        var primary = page.Locator("#main-nav .np-nav__list:not(.np-nav__list--account) > li > .np-nav__link");
        for (var i = 0; i < await primary.CountAsync(); i++)
            tops.Add((int)Math.Round((await primary.Nth(i).BoundingBoxAsync())!.Y));
        tops.Count.ShouldBe(1, "the menu's entries stand in one line at 1366 px");
        await AllInsideAsync(page, links, 1366);

        foreach (var (width, height) in new[] { (1024, 768), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.ReloadAsync();
            (await menuButton.IsVisibleAsync()).ShouldBeTrue($"a menu button at {width} px");
            (await menuButton.GetAttributeAsync("aria-expanded")).ShouldBe("false");
            (await links.First.IsVisibleAsync()).ShouldBeFalse($"the menu is folded at {width} px");
            await BrowserHost.AssertFitsAsync(page);

            await menuButton.ClickAsync();
            (await menuButton.GetAttributeAsync("aria-expanded")).ShouldBe("true");
            await AllInsideAsync(page, links, width);
            await BrowserHost.AssertAccessibleAndFitsHereAsync(page);
        }
    }

    [Fact]
    public async Task The_administration_submenu_opens_closes_with_escape_and_leads_to_its_pages()
    {
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, EmailOf(Roles.Administrator), DemoUsers.Password);
        if (page.Url.Contains("/Account/Manage/TwoFactor", StringComparison.OrdinalIgnoreCase))
            await host.EnrolAuthenticatorAsync(page, EmailOf(Roles.Administrator));
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Verwaltung" });
        var audit = page.GetByRole(AriaRole.Link, new() { Name = "Protokoll", Exact = true });

        // Waiting assertions: until nav.js has run, a page shows its menu open (the menu without script).
        await Assertions.Expect(audit).ToBeHiddenAsync();
        await toggle.ClickAsync();
        (await toggle.GetAttributeAsync("aria-expanded")).ShouldBe("true");
        await BrowserHost.AssertAccessibleAsync(page);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(audit).ToBeHiddenAsync();
        (await toggle.GetAttributeAsync("aria-expanded")).ShouldBe("false");

        await toggle.ClickAsync();
        await audit.ClickAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/Admin/Audit");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Protokoll", Exact = true })).ToBeHiddenAsync();
    }

    private static string EmailOf(string role) => DemoUsers.All.Single(u => u.Role == role).Email;

    private static async Task AllInsideAsync(IPage page, ILocator links, int width)
    {
        for (var i = 0; i < await links.CountAsync(); i++)
        {
            var link = links.Nth(i);
            var box = await link.BoundingBoxAsync();
            box.ShouldNotBeNull($"menu entry {i} is shown");
            ((double)box.X + box.Width).ShouldBeLessThanOrEqualTo(width + 0.5, $"'{await link.TextContentAsync()}' ends inside the {width} px window");
            ((double)box.X).ShouldBeGreaterThanOrEqualTo(0);
        }
    }
}
