using System.Net;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages;

/// <summary>The language switch of the layout posts here and remembers German or English.</summary>
public sealed class CultureTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_language_switch_in_the_layout_turns_the_pages_English_and_back()
    {
        var client = factory.CreateBrowserLikeClient();
        (await client.GetPageAsync("/Account/Login")).QuerySelector("html")!.GetAttribute("lang").ShouldBe("de");

        var toEnglish = await client.PostLayoutFormAsync("/Account/Login", "/Culture", new Dictionary<string, string>());

        toEnglish.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        toEnglish.Location().ShouldBe("/Account/Login");
        var english = await client.GetPageAsync("/Account/Login");
        english.QuerySelector("html")!.GetAttribute("lang").ShouldBe("en");
        english.QuerySelector("form[action='/Culture'] input[name='culture']")!.GetAttribute("value").ShouldBe("de-DE");

        var toGerman = await client.PostLayoutFormAsync("/Account/Login", "/Culture", new Dictionary<string, string>());

        toGerman.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync("/Account/Login")).QuerySelector("html")!.GetAttribute("lang").ShouldBe("de");
    }

    [Fact]
    public async Task The_language_switch_does_not_redirect_to_another_host()
    {
        var client = factory.CreateBrowserLikeClient();

        var response = await client.PostLayoutFormAsync("/Account/Login", "/Culture", new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "http://evil.example/",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/");
    }

    [Fact]
    public async Task A_language_the_portal_does_not_offer_is_taken_as_German()
    {
        var client = factory.CreateBrowserLikeClient();
        (await client.PostLayoutFormAsync("/Account/Login", "/Culture", new Dictionary<string, string> { ["culture"] = "en" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync("/Account/Login")).QuerySelector("html")!.GetAttribute("lang").ShouldBe("en");

        var response = await client.PostLayoutFormAsync("/Account/Login", "/Culture", new Dictionary<string, string>
        {
            ["culture"] = "xx-XX",
            ["returnUrl"] = "/Account/Login",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/Account/Login");
        (await client.GetPageAsync("/Account/Login")).QuerySelector("html")!.GetAttribute("lang").ShouldBe("de");
    }

    [Fact]
    public async Task Opening_the_address_leads_to_the_start_page_and_changes_no_language()
    {
        var client = factory.CreateBrowserLikeClient();

        var response = await client.GetAsync("/Culture");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/");
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }
}
