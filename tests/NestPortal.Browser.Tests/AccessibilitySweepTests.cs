using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Browser.Tests;

/// <summary>
/// Each demo role, and a visitor, opens every page it may open (from the app's own endpoint list and
/// the access table), in German and in English; axe-core's WCAG 2.1 A/AA rules find nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilitySweepTests(BrowserHost host)
{
    public static TheoryData<string, string> RolesAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var caller in AccessTable.Callers)
        foreach (var culture in new[] { "de-DE", "en" })
            data.Add(caller, culture);
        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndCultures))]
    public async Task Every_page_a_role_may_open_passes_axe(string caller, string culture)
    {
        var page = await host.NewPageAsync(culture);
        if (caller != AccessTable.Anonymous)
        {
            var email = DemoUsers.All.Single(u => u.Role == caller).Email;
            await host.SignInAsync(page, email, DemoUsers.Password);
            if (page.Url.Contains("/Account/Manage/TwoFactor", StringComparison.OrdinalIgnoreCase))
                await host.EnrolAuthenticatorAsync(page, email);
        }

        var urls = await UrlsFor(caller);
        urls.Count.ShouldBeGreaterThan(5);
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url);
            response.ShouldNotBeNull();
            response.Status.ShouldBeLessThan(500, $"{caller} GET {url}");
            (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(culture == "en" ? "en" : "de", url);
            await BrowserHost.AssertAccessibleAsync(page);
        }
    }

    private async Task<IReadOnlyList<string>> UrlsFor(string caller)
    {
        var groupId = await host.Factory.DemoMentorGroupIdAsync();
        var memberId = await host.Factory.QueryAsync(db => db.MentoringGroups.Where(g => g.Id == groupId).SelectMany(g => g.Members).Select(m => m.Id).FirstAsync());
        var submittedId = await host.Factory.GroupIdAsync("Patenkreis Bielefeld-Mitte");
        return PageCatalogue.Pages(host.Factory)
            .Where(p => p.Handlers.Any(h => h.Method == "GET" && h.Name is null))
            .Where(p => AccessTable.For(p.Page, caller) == Outcome.Allowed)
            // Signing out would end the sweep; the logout page only answers POST anyway.
            .Where(p => p.Page != "/Account/Logout")
            // The bare error page stands for an unexpected failure and answers 500 on purpose.
            .Select(p => p.Page == "/Error" ? "/Error?code=404" : p.Route
                .Replace("{id:int}", (p.Page.StartsWith("/Review", StringComparison.Ordinal) ? submittedId : groupId).ToString(), StringComparison.Ordinal)
                .Replace("{memberId:int}", memberId.ToString(), StringComparison.Ordinal))
            .ToList();
    }
}
