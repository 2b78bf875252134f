using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Shared.Components.MunicipalityDatalist;

/// <summary>The municipality datalist the forms share: every municipality of NRW, by name, postcode and AGS.</summary>
public sealed class DefaultTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(Roles.Mentor, "/Groups/Create")]
    [InlineData(Roles.CompetenceCentre, "/Households/Index")]
    public async Task A_form_offers_every_municipality_by_name_with_postcode_and_AGS(string role, string url)
    {
        var expected = await factory.QueryAsync(async db => (await db.Municipalities.AsNoTracking().OrderBy(m => m.Name).ToListAsync())
            .Select(m => $"{m.Name} ({m.Postcode}) – {m.Ags}").ToList());
        var client = await factory.SignedInAsAsync(role);

        var page = await client.GetPageAsync(url);

        page.QuerySelector("input[list='municipalities']").ShouldNotBeNull("a field uses the list");
        var options = page.QuerySelectorAll("datalist#municipalities option").Select(o => o.GetAttribute("value") ?? string.Empty).ToList();
        options.Count.ShouldBe(396);
        options.ShouldBe(expected);
        options.ShouldContain("Dortmund, Stadt (44135) – 05913000");
    }
}
