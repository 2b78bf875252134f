using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Municipalities;

public sealed class AddressTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // Small municipalities the demo set gives no address, one per test that changes one.
    private const string Balve = "05962008", Olsberg = "05958036", Lennestadt = "05966020";

    private Task<Municipality> LoadAsync(string ags) =>
        factory.QueryAsync(db => db.Municipalities.AsNoTracking().SingleAsync(m => m.Ags == Ags.Parse(ags)));

    private static Dictionary<string, string> Form(string street = "Widukindplatz 1", string postcode = "58802", string mailbox = "auslaenderbehoerde@balve.example") => new()
    {
        ["Input.Addressee"] = "Stadt Balve – Der Bürgermeister",
        ["Input.Street"] = street,
        ["Input.Postcode"] = postcode,
        ["Input.City"] = "Balve",
        ["Input.FunctionalMailbox"] = mailbox,
    };

    [Fact]
    public async Task Staff_record_the_administrations_address_and_mailbox_and_it_is_audited()
    {
        (await LoadAsync(Balve)).AdministrationAddress.ShouldBeNull();
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.PostFormAsync($"/Municipalities/Address/{Balve}", Form());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Municipalities/Details/{Balve}");
        var saved = await LoadAsync(Balve);
        saved.AdministrationAddress.ShouldBe(AdministrationAddress.Create("Stadt Balve – Der Bürgermeister", "Widukindplatz 1", "58802", "Balve"));
        saved.FunctionalMailbox.ShouldBe("auslaenderbehoerde@balve.example");
        var details = await client.GetPageAsync(response.Location());
        details.MainText().ShouldContain("Die Postanschrift ist gespeichert.");
        details.QuerySelector("#administration-address")!.TextContent.ShouldContain("Widukindplatz 1");
        var audit = await factory.QueryAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "Municipality" && a.EntityId == Balve).OrderByDescending(a => a.Id).FirstAsync());
        audit.Role.ShouldBe(Roles.CompetenceCentre);
        audit.Changes.ShouldNotBeNull().ShouldContain("Widukindplatz 1");
    }

    [Fact]
    public async Task A_wrong_postcode_and_mailbox_are_refused_in_German_the_form_kept_and_nothing_saved()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.PostFormAsync($"/Municipalities/Address/{Olsberg}", Form(postcode: "5880", mailbox: "keine-adresse"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Die Postleitzahl muss aus fünf Ziffern bestehen.");
        page.ShouldShowError("E-Mail-Adresse");
        page.ValueOf("Input.Street").ShouldBe("Widukindplatz 1");
        page.ValueOf("Input.Postcode").ShouldBe("5880");
        var unchanged = await LoadAsync(Olsberg);
        unchanged.AdministrationAddress.ShouldBeNull();
        unchanged.FunctionalMailbox.ShouldBeNull();
    }

    [Fact]
    public async Task Emptying_the_address_removes_it()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        await client.PostFormAsync($"/Municipalities/Address/{Lennestadt}", Form());

        var response = await client.PostFormAsync($"/Municipalities/Address/{Lennestadt}", new Dictionary<string, string>
        {
            ["Input.Addressee"] = "", ["Input.Street"] = "", ["Input.Postcode"] = "", ["Input.City"] = "", ["Input.FunctionalMailbox"] = "",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LoadAsync(Lennestadt)).AdministrationAddress.ShouldBeNull();
        (await client.GetPageAsync(response.Location())).MainText().ShouldContain("Keine Postanschrift erfasst");
    }

    [Fact]
    public async Task Unknown_municipality_is_404_and_a_municipality_user_is_refused()
    {
        var staff = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        await staff.GetAsync("/Municipalities/Address/05999999").ShouldBeStatusAsync(HttpStatusCode.NotFound);
        var municipality = await factory.SignedInAsAsync(Roles.Municipality);
        await municipality.GetAsync("/Municipalities/Address/05913000").ShouldBeStatusAsync(HttpStatusCode.Forbidden);
    }
}
