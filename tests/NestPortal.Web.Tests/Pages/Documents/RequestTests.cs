using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Documents;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Documents;

public sealed class RequestTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int group) => $"/Documents/Request/group/{group}";

    [Fact]
    public async Task A_clerk_asks_a_group_for_a_missing_document_and_the_group_sees_it_until_it_is_withdrawn()
    {
        var group = await factory.GroupIdAsync("Patenkreis Bielefeld-Mitte");
        var staff = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await staff.PostFormAsync(Url(group), new Dictionary<string, string>
        {
            ["Input.Category"] = ((int)DocumentCategory.TrainingCertificate).ToString(),
            ["Input.Explanation"] = "Es fehlt der Schulungsnachweis des zweiten Hauptansprechpartners.",
        });

        response.Location().ShouldBe($"/Review/Details/{group}");
        var review = await staff.GetPageAsync(response.Location());
        review.QuerySelector("[data-fact=document-requests]")!.TextContent.ShouldContain("Schulungsnachweis");
        var request = await factory.QueryAsync(db => db.DocumentRequests.SingleAsync(r => r.OwnerKind == DocumentOwnerKind.Group && r.OwnerId == group));
        request.Explanation.ShouldBe("Es fehlt der Schulungsnachweis des zweiten Hauptansprechpartners.");
        request.IsOpen.ShouldBeTrue();
        // The group's main contacts are told, each once, in the request's own save.
        var contacts = await factory.QueryAsync(db => db.MentoringGroups.Where(g => g.Id == group)
            .SelectMany(g => g.Members).Where(m => m.IsMainContact && m.LeftOn == null).Select(m => m.Email).ToListAsync());
        var mails = await factory.QueryAsync(db => db.OutgoingMails.Where(m => m.EventKey!.StartsWith($"document-request:Group:{group}:")).ToListAsync());
        contacts.ShouldNotBeEmpty();
        mails.Select(m => m.To).ShouldBe(contacts, ignoreOrder: true);
        mails.ShouldAllBe(m => m.Subject == "Bitte reichen Sie ein Dokument nach: Schulungsnachweis" && m.TextBody!.Contains($"/Groups/Details/{group}"));

        var withdrawn = await staff.PostFormAsync(response.Location(), new Dictionary<string, string> { ["requestId"] = request.Id.ToString() }, actionContains: "handler=Withdraw");

        withdrawn.Location().ShouldBe($"/Review/Details/{group}");
        (await factory.QueryAsync(db => db.DocumentRequests.Where(r => r.Id == request.Id).Select(r => r.WithdrawnAtUtc).SingleAsync())).ShouldNotBeNull();
        (await staff.GetPageAsync(response.Location())).QuerySelector("[data-fact=document-requests]").ShouldBeNull();
    }

    [Fact]
    public async Task Without_a_message_the_form_says_so_keeps_the_category_and_saves_nothing()
    {
        var group = await factory.GroupIdAsync("Patenkreis Bielefeld-Mitte");
        var staff = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var before = await factory.QueryAsync(db => db.DocumentRequests.CountAsync());

        var response = await staff.PostFormAsync(Url(group), new Dictionary<string, string> { ["Input.Category"] = ((int)DocumentCategory.Declaration).ToString() });

        var page = await response.ReadHtmlAsync();
        page.Errors().ShouldContain("Bitte schreiben Sie der Gruppe, was fehlt.");
        page.QuerySelector("#Input_Category option[selected]")!.TextContent.ShouldBe("Erklärung");
        (await factory.QueryAsync(db => db.DocumentRequests.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Mentors_even_of_the_group_and_municipalities_get_404_and_nothing_is_saved()
    {
        var group = await factory.DemoMentorGroupIdAsync();
        var before = await factory.QueryAsync(db => db.DocumentRequests.CountAsync());

        foreach (var client in new[] { await factory.SignedInAsAsync(Roles.Mentor), await factory.SignedInAsAsync(Roles.Municipality) })
        {
            (await client.GetAsync(Url(group))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.PostWithTokenAsync(Url(group), new Dictionary<string, string> { ["Input.Category"] = "1", ["Input.Explanation"] = "x" }))
                .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await factory.QueryAsync(db => db.DocumentRequests.CountAsync())).ShouldBe(before);
    }
}
