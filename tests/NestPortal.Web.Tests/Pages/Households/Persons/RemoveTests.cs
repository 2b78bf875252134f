using System.Net;
using AngleSharp.Html.Dom;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Households.HouseholdForms;

namespace NestPortal.Web.Tests.Pages.Households.Persons;

public sealed class RemoveTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string AddUrl(int id) => $"/Households/Persons/Add/{id}";

    [Fact]
    public async Task A_person_recorded_by_mistake_is_removed_after_confirmation()
    {
        var id = await factory.CreateHouseholdAsync(persons: 1);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        (await client.PostFormAsync(AddUrl(id), Person("Doppelt", "Irrtum"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var person = (await factory.LoadHouseholdAsync(id)).Persons.Single(p => p.FamilyName == "Irrtum");
        var url = $"/Households/Persons/Remove/{id}/{person.Id}";

        var confirm = await client.GetPageAsync(url);
        confirm.MainText().ShouldContain($"Möchten Sie {person.DisplayName}");
        var response = await client.PostFormAsync(url, new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.LoadHouseholdAsync(id)).Persons.Select(p => p.Id).ShouldNotContain(person.Id);
        var details = await client.GetPageAsync(response.Location());
        details.MainText().ShouldContain($"{person.DisplayName} ist gelöscht.");
        // The person is gone from the household, but not from its history.
        details.MainText().ShouldContain($"Person Nr. {person.Id}: Gelöscht");
        details.MainText().ShouldContain($"Person Nr. {person.Id}: Angelegt");
    }

    [Fact]
    public async Task A_person_who_has_arrived_cannot_be_removed()
    {
        var id = await factory.CreateHouseholdAsync(persons: 1, arrivedOn: Today.AddDays(-10));
        var person = (await factory.LoadHouseholdAsync(id)).Persons.Single();
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var url = $"/Households/Persons/Remove/{id}/{person.Id}";

        var confirm = await client.GetPageAsync(url);
        confirm.MainText().ShouldContain("ist bereits eingereist und kann nicht gelöscht werden");
        confirm.QuerySelector("main button[type=submit]").ShouldBeNull();
        var response = await client.PostWithTokenAsync(url, new Dictionary<string, string> { ["Version"] = (await factory.LoadHouseholdAsync(id)).ConcurrencyStamp.ToString() });

        var page = await response.ReadHtmlAsync();
        page.ShouldShowError($"{person.DisplayName} ist bereits eingereist und kann nicht gelöscht werden");
        (await factory.LoadHouseholdAsync(id)).Persons.Count.ShouldBe(1);
    }
}
