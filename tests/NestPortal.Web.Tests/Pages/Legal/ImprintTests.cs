using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Localization;
using static NestPortal.Web.Tests.Pages.Legal.OperatorPortalFactory;

namespace NestPortal.Web.Tests.Pages.Legal;

/// <summary>The Impressum names the configured operator, who represents it and who answers for the content, to anyone.</summary>
public sealed class ImprintTests(OperatorPortalFactory factory) : IClassFixture<OperatorPortalFactory>
{
    [Fact]
    public async Task Visitors_read_the_configured_provider_in_German()
    {
        var page = await factory.CreateBrowserLikeClient().GetPageAsync("/Impressum");

        page.DocumentElement.GetAttribute("lang").ShouldBe("de");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Impressum");
        var text = page.MainText();
        text.ShouldContain("§ 5 Digitale-Dienste-Gesetz (DDG)");
        text.ShouldContain(Name);
        text.ShouldContain($"{Street} {PostalCode} {City}");
        page.QuerySelector($"main a[href='mailto:{Email}']").ShouldNotBeNull();
        page.QuerySelector("main a[href^='tel:']")!.TextContent.ShouldBe(Phone);
        page.QuerySelector("[data-fact='represented-by']")!.TextContent.ShouldBe(RepresentedBy);
        page.QuerySelector("[data-fact='content-responsible']")!.TextContent.ShouldBe(ContentResponsible);
        page.QuerySelector("[data-fact='vat-id']")!.TextContent.ShouldBe(VatId);
        page.QuerySelector("main a[href='/Datenschutz']").ShouldNotBeNull();
        page.QuerySelector("main a[href='/Barrierefreiheit']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Visitors_who_chose_English_read_it_in_English_with_the_same_details()
    {
        var english = LocalizationKeys.ReadResx(Path.Combine(LocalizationKeys.FindRepositoryRoot(), LocalizationKeys.EnglishResourceFile));

        var page = await factory.CreateBrowserLikeClient().GetPageAsync("/Impressum?culture=en");

        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector("h1")!.TextContent.ShouldBe(english["Impressum"]);
        page.MainText().ShouldContain(english["Vertreten durch"]);
        page.MainText().ShouldContain(Name);
        page.QuerySelector("[data-fact='represented-by']")!.TextContent.ShouldBe(RepresentedBy);
    }
}
