using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Outreach;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Outreach.OutreachForms;

namespace NestPortal.Web.Tests.Pages.Outreach;

public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
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

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_posting_are_refused_and_change_nothing(string role)
    {
        var id = await factory.RecordOutreachAsync($"Vertraulich {role}", [Koeln], []);
        var client = await factory.SignedInAsAsync(role);

        await client.PostWithTokenAsync($"/Outreach/Edit/{id}", new Dictionary<string, string> { ["Input.Title"] = "GEKAPERT", ["Input.Kind"] = "Web" })
            .ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        await client.PostWithTokenAsync($"/Outreach/Delete/{id}", new Dictionary<string, string> { ["Confirmed"] = "true" })
            .ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        (await factory.FindAsync($"Vertraulich {role}")).ShouldNotBeNull();
    }
}
