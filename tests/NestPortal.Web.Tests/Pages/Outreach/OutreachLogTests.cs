using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Outreach;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Outreach.OutreachForms;

namespace NestPortal.Web.Tests.Pages.Outreach;

public sealed class OutreachLogTests(PortalFactory factory) : IClassFixture<PortalFactory>
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

    [Fact]
    public async Task Editing_changes_the_event_and_keeps_the_rows_of_municipalities_still_named()
    {
        var id = await factory.RecordOutreachAsync("Gespräch Bonn", [Koeln, Bonn], [Koeln]);
        var keptRow = await factory.QueryAsync(db => db.OutreachMunicipalities.Where(m => m.OutreachEventId == id && m.MunicipalityAgs == Domain.Municipalities.Ags.Parse(Bonn)).Select(m => m.Id).SingleAsync());
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var form = await client.GetPageAsync($"/Outreach/Edit/{id}");
        form.ValueOf("Input.Title").ShouldBe("Gespräch Bonn");
        form.QuerySelector($"#informed-{Koeln}")!.HasAttribute("checked").ShouldBeTrue();

        var response = await client.PostFieldsAsync($"/Outreach/Edit/{id}",
            EventForm("Gespräch Bonn und Bielefeld", new DateOnly(2022, 5, 11), "Meeting", invited: [Bonn], informed: [Bonn, Bielefeld]));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = (await factory.FindAsync("Gespräch Bonn und Bielefeld")).ShouldNotBeNull();
        saved.Id.ShouldBe(id);
        saved.HeldOn.ShouldBe(new DateOnly(2022, 5, 11));
        saved.Municipalities.Select(m => (m.MunicipalityAgs.Value, m.Informed)).ShouldBe([(Bonn, true), (Bielefeld, true)], ignoreOrder: true);
        saved.Municipalities.Single(m => m.MunicipalityAgs.Value == Bonn).Id.ShouldBe(keptRow);
    }

    [Fact]
    public async Task A_stale_form_is_refused_and_the_other_change_is_kept()
    {
        var id = await factory.RecordOutreachAsync("Konflikt-Maßnahme", [Koeln], []);
        var shown = (await factory.FindAsync("Konflikt-Maßnahme"))!.ConcurrencyStamp;
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        (await client.PostFieldsAsync($"/Outreach/Edit/{id}", EventForm("Konflikt-Maßnahme (zuerst)", invited: [Koeln], informed: [])))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var fields = EventForm("Konflikt-Maßnahme (zu spät)", invited: [Dortmund], informed: []);
        fields.Add(new("Version", shown.ToString()));
        var page = await (await client.PostFieldsAsync($"/Outreach/Edit/{id}", fields)).ReadHtmlAsync();

        page.ShouldShowError("Die Maßnahme wurde inzwischen von jemand anderem geändert.");
        page.ValueOf("Input.Title").ShouldBe("Konflikt-Maßnahme (zu spät)");
        var saved = await factory.QueryAsync(db => db.OutreachEvents.AsNoTracking().SingleAsync(o => o.Id == id));
        saved.Title.ShouldBe("Konflikt-Maßnahme (zuerst)");
        saved.Municipalities.Select(m => m.MunicipalityAgs.Value).ShouldBe([Koeln]);
    }

    [Fact]
    public async Task Deleting_needs_the_confirmation_and_then_removes_the_event()
    {
        var id = await factory.RecordOutreachAsync("Doppelt erfasst", [Koeln], [Koeln]);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var refused = await (await client.PostFieldsAsync($"/Outreach/Delete/{id}", [])).ReadHtmlAsync();
        refused.ShouldShowError("Bitte bestätigen Sie, dass die Maßnahme irrtümlich erfasst wurde und gelöscht werden soll.");
        (await factory.FindAsync("Doppelt erfasst")).ShouldNotBeNull();

        var response = await client.PostFieldsAsync($"/Outreach/Delete/{id}", [new("Confirmed", "true")]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.FindAsync("Doppelt erfasst")).ShouldBeNull();
        (await factory.QueryAsync(db => db.OutreachMunicipalities.CountAsync(m => m.OutreachEventId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task The_log_filters_by_year_and_kind()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var year2019 = await client.GetPageAsync("/Outreach?year=2019");
        var print = await client.GetPageAsync("/Outreach?kind=Print");

        year2019.TableRows().ShouldNotBeEmpty();
        year2019.TableRows().ShouldAllBe(r => r[0].EndsWith(".2019"));
        print.TableRows().ShouldNotBeEmpty();
        print.TableRows().ShouldAllBe(r => r[2] == "Brief oder Druckmaterial");
    }

    [Fact]
    public async Task An_unknown_event_is_not_found()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        await client.GetAsync("/Outreach/Edit/987654").ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.GetAsync("/Outreach/Delete/987654").ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.PostWithTokenAsync("/Outreach/Edit/987654", new Dictionary<string, string> { ["Input.Title"] = "x" })
            .ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_are_refused_and_learn_nothing(string role)
    {
        var id = await factory.RecordOutreachAsync($"Vertraulich {role}", [Koeln], []);
        var client = await factory.SignedInAsAsync(role);

        foreach (var url in new[] { "/Outreach", "/Outreach/Create", $"/Outreach/Edit/{id}", $"/Outreach/Delete/{id}" })
            (await client.GetAsync(url).ShouldBeStatusAsync(HttpStatusCode.Forbidden)).ShouldNotReveal("Vertraulich");
        await client.PostWithTokenAsync($"/Outreach/Edit/{id}", new Dictionary<string, string> { ["Input.Title"] = "GEKAPERT", ["Input.Kind"] = "Web" })
            .ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        await client.PostWithTokenAsync($"/Outreach/Delete/{id}", new Dictionary<string, string> { ["Confirmed"] = "true" })
            .ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        (await factory.FindAsync($"Vertraulich {role}")).ShouldNotBeNull();
    }
}
