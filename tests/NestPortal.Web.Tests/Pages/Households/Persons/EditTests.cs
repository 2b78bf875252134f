using System.Net;
using AngleSharp.Html.Dom;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Households.HouseholdForms;

namespace NestPortal.Web.Tests.Pages.Households.Persons;

public sealed class EditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string? Selected(IHtmlDocument page, string name) =>
        (page.QuerySelector($"select[name='{name}']") as IHtmlSelectElement)?.Value;

    [Fact]
    public async Task Staff_correct_a_person_and_the_history_shows_the_change()
    {
        var id = await factory.CreateHouseholdAsync(persons: 1, familyName: "Saleh");
        var person = (await factory.LoadHouseholdAsync(id)).Persons.Single();
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var url = $"/Households/Persons/Edit/{id}/{person.Id}";

        var form = await client.GetPageAsync(url);
        form.ValueOf("Input.FamilyName").ShouldBe("Saleh");
        Selected(form, "Input.FirstRefugeCountryCode").ShouldBe("LB");
        var fields = Person("Person1", "Salih", born: person.DateOfBirth, admitted: person.AdmissionDecisionDate, firstRefuge: "TR");
        var response = await client.PostFormAsync(url, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = (await factory.LoadHouseholdAsync(id)).Persons.Single();
        saved.FamilyName.ShouldBe("Salih");
        saved.FirstRefugeCountryCode.ShouldBe("TR");
        var details = await client.GetPageAsync(response.Location());
        // The history names the changed fields; the old values are not kept in the log (ADR 0014).
        details.MainText().ShouldContain("Familienname: (vertraulich) → (vertraulich)");
        details.MainText().ShouldContain("Erstaufnahmeland: (vertraulich) → (vertraulich)");
        details.MainText().ShouldNotContain("Saleh");
    }

    [Fact]
    public async Task A_person_of_another_household_is_not_found()
    {
        var mine = await factory.CreateHouseholdAsync(persons: 1);
        var other = await factory.CreateHouseholdAsync(persons: 1, familyName: "Fremd");
        var stranger = (await factory.LoadHouseholdAsync(other)).Persons.Single();
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        foreach (var page in new[] { "Edit", "Remove", "Leave" })
        {
            var body = await client.GetAsync($"/Households/Persons/{page}/{mine}/{stranger.Id}").ShouldBeStatusAsync(HttpStatusCode.NotFound);
            body.ShouldNotReveal("Fremd");
        }

        await client.PostWithTokenAsync($"/Households/Persons/Remove/{mine}/{stranger.Id}", new Dictionary<string, string> { ["Version"] = Guid.NewGuid().ToString() })
            .ShouldBeStatusAsync(HttpStatusCode.NotFound);
        (await factory.LoadHouseholdAsync(other)).Persons.Count.ShouldBe(1);
    }
}
