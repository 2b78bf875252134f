using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Outreach;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Outreach.OutreachForms;

namespace NestPortal.Web.Tests.Pages.Outreach;

public sealed class DeleteTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
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
}
