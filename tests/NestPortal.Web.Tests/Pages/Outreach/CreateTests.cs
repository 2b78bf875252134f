using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Outreach;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Outreach.OutreachForms;

namespace NestPortal.Web.Tests.Pages.Outreach;

public sealed class CreateTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Staff_record_an_event_with_invited_and_informed_municipalities()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.PostFieldsAsync("/Outreach/Create",
            EventForm("Fachtag NesT Rheinland", new DateOnly(2021, 9, 14), "Conference", "60 Teilnehmende", invited: [Dortmund], informed: [Koeln, Bonn]));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/Outreach");
        var saved = (await factory.FindAsync("Fachtag NesT Rheinland")).ShouldNotBeNull();
        saved.HeldOn.ShouldBe(new DateOnly(2021, 9, 14));
        saved.Kind.ShouldBe(OutreachKind.Conference);
        saved.Note.ShouldBe("60 Teilnehmende");
        saved.RecordedByName.ShouldNotBeNullOrWhiteSpace();
        saved.InvitedCount.ShouldBe(3);
        saved.Municipalities.Where(m => m.Informed).Select(m => m.MunicipalityAgs.Value).ShouldBe([Koeln, Bonn], ignoreOrder: true);
        var list = await client.GetPageAsync("/Outreach?search=Rheinland");
        list.MainText().ShouldContain("Die Maßnahme ist im Log erfasst.");
        list.TableRows().Single().ShouldBe(["14.09.2021", "Fachtag NesT Rheinland", "Fachtag oder Veranstaltung", "3", "2"]);
    }

    [Fact]
    public async Task The_form_lists_all_municipalities_by_region_with_labelled_checkboxes()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync("/Outreach/Create");

        page.QuerySelectorAll("input[name='Input.Invited']").Length.ShouldBe(396);
        page.QuerySelectorAll("input[name='Input.Informed']").Length.ShouldBe(396);
        page.QuerySelectorAll("details[data-picker-region] summary").Select(s => s.TextContent).ShouldContain(s => s.Contains("Reg.-Bez. Arnsberg"));
        page.QuerySelector($"#invited-{Koeln}")!.GetAttribute("aria-label").ShouldBe("Köln, Stadt: eingeladen");
        page.ValueOf("Input.HeldOn").ShouldBe(Today.Iso());
    }

    [Fact]
    public async Task Invalid_input_is_refused_in_German_keeps_the_form_and_saves_nothing()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var future = Today.AddDays(2);

        var response = await client.PostFieldsAsync("/Outreach/Create",
            EventForm("Zukunftsveranstaltung", future, note: "bleibt stehen", invited: [Bielefeld], informed: []));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError($"Das Datum ({future.German()}) liegt in der Zukunft; erfassen Sie die Maßnahme, wenn sie stattgefunden hat.");
        page.ValueOf("Input.Title").ShouldBe("Zukunftsveranstaltung");
        page.ValueOf("Input.Note").ShouldBe("bleibt stehen");
        page.QuerySelector($"#invited-{Bielefeld}")!.HasAttribute("checked").ShouldBeTrue();
        (await factory.FindAsync("Zukunftsveranstaltung")).ShouldBeNull();
    }

    [Fact]
    public async Task A_missing_title_and_kind_are_named()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await (await client.PostFieldsAsync("/Outreach/Create", EventForm("", kind: ""))).ReadHtmlAsync();

        page.ShouldShowError(e => e.Contains("Titel"), "naming the title");
        page.ShouldShowError(e => e.Contains("Art"), "naming the kind");
    }

    [Fact]
    public async Task A_municipality_outside_NRW_or_unknown_is_refused_and_nothing_saved()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await (await client.PostFieldsAsync("/Outreach/Create",
            EventForm("Fremde Kommune", invited: [Koeln, "09162000", "05999999"], informed: []))).ReadHtmlAsync();

        page.ShouldShowError("„09162000“ ist keine Kommune in Nordrhein-Westfalen.");
        page.ShouldShowError("„05999999“ ist keine Kommune in Nordrhein-Westfalen.");
        (await factory.FindAsync("Fremde Kommune")).ShouldBeNull();
    }
}
