using System.Net;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Households.HouseholdForms;

namespace NestPortal.Web.Tests.Pages.Households.Persons;

public sealed class LeaveTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Staff_record_that_one_person_left_and_the_page_explains_what_it_means()
    {
        var id = await factory.CreateHouseholdAsync(persons: 2, arrivedOn: Today.AddDays(-100));
        var person = (await factory.LoadHouseholdAsync(id)).Persons.OrderBy(p => p.Id).First();
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var url = $"/Households/Persons/Leave/{id}/{person.Id}";

        var form = await client.GetPageAsync(url);
        form.MainText().ShouldContain("Die Begleitung durch die Mentorengruppe endet an diesem Tag.");
        form.MainText().ShouldContain("Die Miete wird unverändert aus dem Mietkonto weitergezahlt");
        form.MainText().ShouldContain("Der Aufenthaltsstatus, Leistungen und Integrationsmaßnahmen bleiben unberührt");
        form.QuerySelectorAll("select[name='Input.Reason'] option").Select(o => o.TextContent).ShouldContain("Umzug");
        var response = await client.PostFormAsync(url, Departure(Today.AddDays(-2), "MovedAway", "nach Hamburg"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.LoadHouseholdAsync(id);
        var left = saved.Persons.Single(p => p.Id == person.Id);
        left.LeftOn.ShouldBe(Today.AddDays(-2));
        left.DepartureReason.ShouldBe(DepartureReason.MovedAway);
        left.DepartureNote.ShouldBe("nach Hamburg");
        saved.Persons.Single(p => p.Id != person.Id).HasLeft.ShouldBeFalse();
        saved.Status.ShouldBe(HouseholdStatus.Arrived);
        var details = await client.GetPageAsync(response.Location());
        details.MainText().ShouldContain($"Das Ausscheiden von {person.DisplayName} ist erfasst.");
        details.MainText().ShouldContain($"{Today.AddDays(-2).German()}, Umzug: nach Hamburg");
        // The history names the changed field; a person's values stay out of the log (ADR 0014).
        details.MainText().ShouldContain("Grund: – → (vertraulich)");
    }

    [Fact]
    public async Task Without_confirmation_or_with_a_future_date_nothing_is_saved()
    {
        var id = await factory.CreateHouseholdAsync(persons: 1, arrivedOn: Today.AddDays(-100));
        var person = (await factory.LoadHouseholdAsync(id)).Persons.Single();
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var url = $"/Households/Persons/Leave/{id}/{person.Id}";

        var unconfirmed = await (await client.PostFormAsync(url, Departure(Today.AddDays(-1), "OwnWish", "bleibt stehen", confirmed: false))).ReadHtmlAsync();
        var future = await (await client.PostFormAsync(url, Departure(Today.AddDays(3), "OwnWish"))).ReadHtmlAsync();
        var otherWithoutText = await (await client.PostFormAsync(url, Departure(Today.AddDays(-1), "Other"))).ReadHtmlAsync();

        unconfirmed.ShouldShowError("Bitte bestätigen Sie, dass das Ausscheiden erfasst werden soll");
        unconfirmed.ValueOf("Input.Note").ShouldBe("bleibt stehen");
        future.ShouldShowError($"Das Datum des Ausscheidens ({Today.AddDays(3).German()}) liegt in der Zukunft.");
        otherWithoutText.ShouldShowError("Bitte beschreiben Sie den Grund „Sonstiges“ im Freitext.");
        (await factory.LoadHouseholdAsync(id)).Persons.Single().HasLeft.ShouldBeFalse();
    }

    [Fact]
    public async Task A_person_who_has_not_arrived_cannot_leave()
    {
        var id = await factory.CreateHouseholdAsync(persons: 1);
        var person = (await factory.LoadHouseholdAsync(id)).Persons.Single();
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await (await client.PostFormAsync($"/Households/Persons/Leave/{id}/{person.Id}", Departure(Today, "OwnWish"))).ReadHtmlAsync();

        page.ShouldShowError($"{person.DisplayName} ist noch nicht eingereist; vor der Einreise kann niemand ausscheiden.");
        (await factory.LoadHouseholdAsync(id)).Persons.Single().HasLeft.ShouldBeFalse();
    }
}
