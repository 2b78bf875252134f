using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Tests.Infrastructure;

public sealed class HostTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Health_endpoint_answers_healthy()
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Theory]
    [InlineData("/", false, HttpStatusCode.OK)]
    [InlineData("/Account/Login", false, HttpStatusCode.OK)]
    [InlineData("/health", false, HttpStatusCode.OK)]
    [InlineData("/Groups", false, HttpStatusCode.Redirect)]
    [InlineData("/gibt-es-nicht", true, HttpStatusCode.NotFound)]
    [InlineData("/Admin/Users", true, HttpStatusCode.Forbidden)]
    public async Task Every_response_carries_the_security_headers(string url, bool signedIn, HttpStatusCode status)
    {
        var client = signedIn ? await factory.SignedInAsAsync(Roles.Mentor) : factory.CreateBrowserLikeClient();

        var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(status);
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new ShouldAssertException($"{url} has no {name} header");
        Header("Content-Security-Policy").ShouldContain("frame-ancestors 'none'");
        Header("Content-Security-Policy").ShouldContain("script-src 'self'");
        Header("X-Content-Type-Options").ShouldBe("nosniff");
        Header("Referrer-Policy").ShouldBe("strict-origin-when-cross-origin");
        Header("X-Frame-Options").ShouldBe("DENY");
    }

    /// <summary>Regression (hardening issue): downloads of personal data carried no Cache-Control and could stay in a shared browser's cache.</summary>
    [Theory]
    [InlineData("/Reports/Export?handler=Csv&Stichtag=2021-06-25&FromYear=2019&ToYear=2021")]
    [InlineData("/Reports/Export?handler=Xlsx&Stichtag=2021-06-25&FromYear=2019&ToYear=2021")]
    [InlineData("/Households")]
    public async Task Pages_and_downloads_are_not_stored_by_the_browser(string url)
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        response.Headers.CacheControl.ShouldNotBeNull(url).NoStore.ShouldBeTrue(url);
    }

    [Fact]
    public async Task A_json_export_of_ones_own_data_is_not_stored_by_the_browser()
    {
        var me = await factory.CreateMentorAsync(displayName: "Ida Cache");
        var client = await factory.SignedInAsync(me.Email, me.Password);

        var response = await client.GetAsync("/Account/Manage/MyData?handler=Json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Posting_the_login_without_the_antiforgery_token_is_a_bad_request()
    {
        var client = factory.CreateBrowserLikeClient();

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "admin@demo.nestportal.invalid",
            ["Input.Password"] = DemoUsers.Password,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [])
            .ShouldNotContain(c => c.StartsWith("nest.auth=", StringComparison.Ordinal), "no sign-in cookie");
        (await response.ReadHtmlAsync()).QuerySelector("h1")!.TextContent.ShouldBe("Ungültige Anfrage");
    }

    [Fact]
    public async Task Reference_data_holds_the_396_municipalities_of_NRW_and_two_rule_sets()
    {
        var perRegion = await factory.QueryAsync(db => db.Municipalities
            .GroupBy(m => m.AdministrativeRegion).Select(g => new { Region = g.Key, Count = g.Count() }).ToListAsync());

        perRegion.Sum(r => r.Count).ShouldBe(396);
        perRegion.ToDictionary(r => r.Region, r => r.Count).ShouldBe(new Dictionary<string, int>
        {
            ["Reg.-Bez. Köln"] = 99,
            ["Reg.-Bez. Arnsberg"] = 83,
            ["Reg.-Bez. Münster"] = 78,
            ["Reg.-Bez. Detmold"] = 70,
            ["Reg.-Bez. Düsseldorf"] = 66,
        }, ignoreOrder: true);
        (await factory.QueryAsync(db => db.RuleSets.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task Starting_again_on_the_same_database_changes_nothing()
    {
        _ = factory.Services;
        var before = await CountsAsync(factory);

        await using (var second = new SameDatabaseFactory(factory.DatabasePath))
        {
            var response = await second.CreateBrowserLikeClient().GetAsync("/health");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await CountsAsync(second)).ShouldBe(before);
        }

        (await CountsAsync(factory)).ShouldBe(before);
    }

    private static Task<string> CountsAsync(PortalFactory portal) =>
        portal.QueryAsync(async db =>
            $"municipalities {await db.Municipalities.CountAsync()}, " +
            $"rule sets {await db.RuleSets.CountAsync()}, " +
            $"users {await db.Users.CountAsync()}, " +
            $"roles {await db.Roles.CountAsync()}, " +
            $"user roles {await db.UserRoles.CountAsync()}, " +
            $"groups {await db.MentoringGroups.CountAsync()}, " +
            $"user ids {string.Join(",", await db.Users.OrderBy(u => u.Id).Select(u => u.Id).ToListAsync())}");

    /// <summary>A second portal process on another factory's database file.</summary>
    private sealed class SameDatabaseFactory(string databasePath) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={databasePath}");
        }
    }

    [Fact]
    public async Task The_stylesheets_and_scripts_a_page_links_are_served_to_visitors()
    {
        // The browser tests check contrast with axe: that only means something when the CSS arrives.
        var client = factory.CreateBrowserLikeClient();
        var page = await client.GetPageAsync("/Account/Login");
        var assets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!))
            .ToList();

        assets.Count.ShouldBeGreaterThanOrEqualTo(4);
        foreach (var asset in assets)
        {
            var response = await client.GetAsync(asset);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, asset);
            (await response.Content.ReadAsStringAsync()).Length.ShouldBeGreaterThan(100, asset);
        }
    }
}
