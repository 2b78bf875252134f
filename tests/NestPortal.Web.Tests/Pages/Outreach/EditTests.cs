using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Outreach;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Outreach.OutreachForms;

namespace NestPortal.Web.Tests.Pages.Outreach;

public sealed class EditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
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
    public async Task An_unknown_event_is_not_found()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        await client.GetAsync("/Outreach/Edit/987654").ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.GetAsync("/Outreach/Delete/987654").ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.PostWithTokenAsync("/Outreach/Edit/987654", new Dictionary<string, string> { ["Input.Title"] = "x" })
            .ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }
}
