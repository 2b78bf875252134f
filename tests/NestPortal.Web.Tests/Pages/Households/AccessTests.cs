using System.Net;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Households;

/// <summary>Only the competence centre opens household pages; nobody else learns anything of a household there.</summary>
public sealed class AccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] PagesOf = ["Index", "Create", "Details/{0}", "Edit/{0}", "Leave/{0}",
        "Persons/Add/{0}", "Persons/Edit/{0}/{1}", "Persons/Remove/{0}/{1}", "Persons/Leave/{0}/{1}"];

    private async Task<List<string>> UrlsAsync()
    {
        var id = await factory.CreateHouseholdAsync(persons: 1, familyName: "Geheimhaltung", specialNeedsNote: "Nur KfI");
        var personId = (await factory.LoadHouseholdAsync(id)).Persons.Single().Id;
        return PagesOf.Select(p => "/Households/" + string.Format(System.Globalization.CultureInfo.InvariantCulture, p, id, personId)).ToList();
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_are_refused_on_every_household_page(string role)
    {
        var urls = await UrlsAsync();
        var client = await factory.SignedInAsAsync(role);

        foreach (var url in urls)
        {
            var get = await client.GetAsync(url).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
            get.ShouldNotReveal("Geheimhaltung");
            var post = await client.PostWithTokenAsync(url, new Dictionary<string, string> { ["Input.Reference"] = "GEKAPERT" })
                .ShouldBeStatusAsync(HttpStatusCode.Forbidden);
            post.ShouldNotReveal("Nur KfI");
        }

        (await factory.QueryAsync(db => Task.FromResult(db.Households.Any(h => h.Reference == "GEKAPERT")))).ShouldBeFalse();
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login()
    {
        var urls = await UrlsAsync();
        var client = factory.CreateBrowserLikeClient();

        foreach (var url in urls) await client.GetAsync(url).ShouldRedirectToLoginAsync();
    }
}
