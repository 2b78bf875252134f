using System.Net;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Households.HouseholdForms;

namespace NestPortal.Web.Tests.Pages.Households;

public sealed class LeaveTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_whole_household_leaves_after_confirmation()
    {
        var id = await factory.CreateHouseholdAsync(persons: 3, arrivedOn: Today.AddDays(-200));
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var url = $"/Households/Leave/{id}";

        var form = await client.GetPageAsync(url);
        form.MainText().ShouldContain("Für diese Personen wird das Ausscheiden erfasst:");
        form.MainText().ShouldContain("Person3 Haddad");
        var response = await client.PostFormAsync(url, Departure(Today.AddDays(-1), "LeftGermany"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.LoadHouseholdAsync(id);
        saved.Persons.ShouldAllBe(p => p.LeftOn == Today.AddDays(-1) && p.DepartureReason == DepartureReason.LeftGermany);
        saved.Status.ShouldBe(HouseholdStatus.Left);
        var details = await client.GetPageAsync(response.Location());
        details.MainText().ShouldContain("Das Ausscheiden der Familie ist erfasst.");
        details.QuerySelector(".status-badge")!.TextContent.ShouldBe("Ausgeschieden");
        details.QuerySelector("a[href$='/Households/Leave/" + id + "']").ShouldBeNull();
    }

    [Fact]
    public async Task A_stale_departure_form_is_refused()
    {
        var id = await factory.CreateHouseholdAsync(persons: 1, arrivedOn: Today.AddDays(-50));
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var stale = (await factory.LoadHouseholdAsync(id)).ConcurrencyStamp;
        (await client.PostFormAsync($"/Households/Edit/{id}", Household("NesT-LEAVE-STALE"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await client.PostWithTokenAsync($"/Households/Leave/{id}",
            new Dictionary<string, string>(Departure(Today, "OwnWish")) { ["Version"] = stale.ToString() });

        (await response.ReadHtmlAsync()).ShouldShowError("Die Familie wurde inzwischen von jemand anderem geändert.");
        (await factory.LoadHouseholdAsync(id)).Persons.Single().HasLeft.ShouldBeFalse();
    }
}
