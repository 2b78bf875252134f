using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Localization;
using static NestPortal.Web.Tests.Pages.Legal.OperatorPortalFactory;

namespace NestPortal.Web.Tests.Pages.Legal;

/// <summary>
/// The privacy notice names the configured controller, its data protection officer and the supervisory
/// authority, the legal bases, and the cookies the portal really sets, to anyone, in German and English.
/// </summary>
public sealed class PrivacyTests(OperatorPortalFactory factory) : IClassFixture<OperatorPortalFactory>
{
    [Fact]
    public async Task Visitors_read_controller_officer_legal_bases_and_authority_in_German()
    {
        var page = await factory.CreateBrowserLikeClient().GetPageAsync("/Datenschutz");

        page.DocumentElement.GetAttribute("lang").ShouldBe("de");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Datenschutzerklärung");
        var text = page.MainText();
        text.ShouldContain(Name);
        text.ShouldContain(DpoName);
        page.QuerySelector($"main a[href='mailto:{DpoEmail}']").ShouldNotBeNull();
        text.ShouldContain(SupervisoryName);
        text.ShouldContain(SupervisoryStreet);
        text.ShouldContain("Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3 Datenschutzgesetz Nordrhein-Westfalen");
        text.ShouldContain("Art. 9 Abs. 2 Buchst. g DSGVO");
        text.ShouldContain("Eine Einwilligung ist nicht die Rechtsgrundlage.");
        text.ShouldContain("nicht an Stellen außerhalb der Europäischen Union");
        text.ShouldContain("(Art. 15 DSGVO)");
        page.QuerySelector($"main a[href='mailto:{FeedbackMailbox}']").ShouldNotBeNull("where refugees and mentors exercise their rights");
    }

    [Fact]
    public async Task The_cookie_table_names_the_cookies_this_environment_sets()
    {
        var page = await factory.CreateBrowserLikeClient().GetPageAsync("/Datenschutz");

        var names = page.QuerySelectorAll("main table tbody td code").Select(c => c.TextContent).ToList();

        // Outside Production without the __Host- prefix (ADR 0004).
        names.ShouldBe(["nest.auth", "Identity.TwoFactorUserId", "nest.af", ".AspNetCore.Culture", ".AspNetCore.Mvc.CookieTempDataProvider"]);
        page.MainText().ShouldContain("nur technisch notwendige Cookies");
    }

    [Fact]
    public async Task Visitors_who_chose_English_read_it_in_English_with_the_same_details()
    {
        var english = LocalizationKeys.ReadResx(Path.Combine(LocalizationKeys.FindRepositoryRoot(), LocalizationKeys.EnglishResourceFile));

        var page = await factory.CreateBrowserLikeClient().GetPageAsync("/Datenschutz?culture=en");

        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector("h1")!.TextContent.ShouldBe(english["Datenschutzerklärung"]);
        var text = page.MainText();
        text.ShouldContain("Article 6(1)(e) GDPR");
        text.ShouldContain(Name);
        text.ShouldContain(DpoName);
        text.ShouldContain(SupervisoryName);
    }
}
