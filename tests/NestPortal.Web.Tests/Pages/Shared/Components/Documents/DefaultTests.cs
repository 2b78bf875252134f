using NestPortal.Domain.Documents;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Documents;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Shared.Components.Documents;

/// <summary>The documents section on the record pages: what each role sees of a record's documents.</summary>
public sealed class DefaultTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_mentor_sees_the_group_and_sponsorship_documents_on_the_group_page_with_links_to_add_more()
    {
        var (group, sponsorship, household) = await factory.SponsoringGroupAsync();
        await factory.AddDocumentAsync(DocumentOwnerKind.Group, group, "someone", "Erklärung Gruppe.pdf");
        await factory.AddDocumentAsync(DocumentOwnerKind.Sponsorship, sponsorship, "someone", "Mietvertrag.pdf", DocumentCategory.Lease);
        await factory.AddDocumentAsync(DocumentOwnerKind.Household, household, "kfi", "Familie intern.pdf");
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await client.GetPageAsync($"/Groups/Details/{group}");

        var text = page.MainText();
        text.ShouldContain("Erklärung Gruppe.pdf");
        text.ShouldContain("Mietvertrag.pdf – Mietvertrag");
        text.ShouldNotContain("Familie intern.pdf");
        page.QuerySelector($"a[href='/Documents/Upload/group/{group}']").ShouldNotBeNull();
        page.QuerySelector($"a[href='/Documents/Upload/sponsorship/{sponsorship}']").ShouldNotBeNull();
        page.QuerySelector("a[href^='/Documents/Request/']").ShouldBeNull("only the competence centre asks for documents");
        page.QuerySelectorAll("a[href^='/Documents/Delete/']").ShouldBeEmpty("the group is approved: nothing of it is deleted by mentors");
    }

    [Fact]
    public async Task The_competence_centre_sees_the_documents_on_the_review_sponsorship_and_household_pages()
    {
        var (group, sponsorship, household) = await factory.SponsoringGroupAsync();
        await factory.AddDocumentAsync(DocumentOwnerKind.Household, household, "kfi", "Familie Erklärung.pdf");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        (await client.GetPageAsync($"/Review/Details/{group}")).QuerySelector($"a[href='/Documents/Request/sponsorship/{sponsorship}']").ShouldNotBeNull();
        (await client.GetPageAsync($"/Sponsorships/Details/{sponsorship}")).QuerySelector($"a[href='/Documents/Upload/sponsorship/{sponsorship}']").ShouldNotBeNull();
        var householdPage = await client.GetPageAsync($"/Households/Details/{household}");
        householdPage.QuerySelector("[data-fact=documents]")!.TextContent.ShouldContain("Familie Erklärung.pdf");
        householdPage.QuerySelector("a[href^='/Documents/Delete/']").ShouldNotBeNull();
        householdPage.QuerySelector("a[href^='/Documents/Request/']").ShouldBeNull("families are not asked through the portal");
    }
}
