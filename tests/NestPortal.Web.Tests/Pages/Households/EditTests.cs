using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Households.HouseholdForms;

namespace NestPortal.Web.Tests.Pages.Households;

public sealed class EditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Staff_change_the_details_and_the_history_shows_old_and_new()
    {
        var id = await factory.CreateHouseholdAsync("NesT-ALT");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var edit = await client.GetPageAsync($"/Households/Edit/{id}");
        edit.ValueOf("Input.Reference").ShouldBe("NesT-ALT");
        var response = await client.PostFormAsync($"/Households/Edit/{id}", Household("NesT-NEU", Today.AddDays(10)));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.LoadHouseholdAsync(id)).Reference.ShouldBe("NesT-NEU");
        var details = await client.GetPageAsync(response.Location());
        details.MainText().ShouldContain("Die Angaben zur Familie sind gespeichert.");
        details.MainText().ShouldContain("Familie NesT-NEU: Geändert");
        details.MainText().ShouldContain("Aktenzeichen der Familie: NesT-ALT → NesT-NEU");
        details.MainText().ShouldContain($"Erwartete Ankunft: – → {Today.AddDays(10).German()}");
    }

    [Fact]
    public async Task Changing_to_another_households_reference_is_refused()
    {
        await factory.CreateHouseholdAsync("NesT-BELEGT");
        var id = await factory.CreateHouseholdAsync("NesT-EIGEN");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await (await client.PostFormAsync($"/Households/Edit/{id}", Household("NesT-BELEGT"))).ReadHtmlAsync();

        page.ShouldShowError("Dieses Aktenzeichen ist bereits für eine andere Familie vergeben.");
        page.ValueOf("Input.Reference").ShouldBe("NesT-BELEGT");
        (await factory.LoadHouseholdAsync(id)).Reference.ShouldBe("NesT-EIGEN");
    }

    [Fact]
    public async Task A_stale_form_is_refused_and_the_other_change_is_kept()
    {
        var id = await factory.CreateHouseholdAsync("NesT-STALE");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var stale = (await factory.LoadHouseholdAsync(id)).ConcurrencyStamp;
        (await client.PostFormAsync($"/Households/Edit/{id}", Household("NesT-STALE-1"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await client.PostWithTokenAsync($"/Households/Edit/{id}", new Dictionary<string, string>(Household("NesT-STALE-2"))
        {
            ["Version"] = stale.ToString(),
        });

        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Die Familie wurde inzwischen von jemand anderem geändert.");
        (await factory.LoadHouseholdAsync(id)).Reference.ShouldBe("NesT-STALE-1");
    }

    [Fact]
    public async Task An_unknown_household_is_not_found()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        await client.GetPageAsync("/Households/Edit/999999", HttpStatusCode.NotFound);
        await client.PostWithTokenAsync("/Households/Edit/999999", Household("NesT-X")).ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }
}
