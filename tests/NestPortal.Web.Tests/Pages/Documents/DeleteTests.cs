using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Documents;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Documents;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Documents;

public sealed class DeleteTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int id) => $"/Documents/Delete/{id}";

    [Fact]
    public async Task A_mentor_deletes_their_own_upload_of_a_draft_group_after_confirming()
    {
        var group = await factory.DemoMentorGroupIdAsync();
        var id = await factory.AddDocumentAsync(DocumentOwnerKind.Group, group, await factory.DemoMentorIdAsync(), "Falsches Foto.pdf");
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        (await client.GetPageAsync($"/Groups/Details/{group}")).QuerySelector($"a[href='{Url(id)}']").ShouldNotBeNull();

        var unconfirmed = await client.PostFormAsync(Url(id), new Dictionary<string, string>());
        (await unconfirmed.ReadHtmlAsync()).Errors().ShouldContain("Bitte bestätigen Sie, dass das Dokument gelöscht werden soll.");
        (await factory.DocumentCountAsync(DocumentOwnerKind.Group, group)).ShouldBe(1);

        var response = await client.PostFormAsync(Url(id), new Dictionary<string, string> { ["Input.Confirmed"] = "true" });

        response.Location().ShouldBe($"/Groups/Details/{group}");
        var document = await factory.QueryAsync(db => db.Documents.SingleAsync(d => d.Id == id));
        document.DeletedAtUtc.ShouldNotBeNull();
        document.FileName.ShouldBeNull();
        (await factory.QueryAsync(db => db.DocumentContents.AnyAsync(c => c.DocumentId == id))).ShouldBeFalse("the bytes are gone");
        (await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Document" && a.EntityId == id.ToString() && a.Action == AuditAction.Changed)))
            .ShouldBeTrue();
    }

    [Fact]
    public async Task After_submission_a_mentor_cannot_delete_not_even_their_own_upload()
    {
        var (group, _, _) = await factory.SponsoringGroupAsync();
        var id = await factory.AddDocumentAsync(DocumentOwnerKind.Group, group, await factory.DemoMentorIdAsync());
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await client.GetPageAsync(Url(id));
        page.QuerySelector("main form").ShouldBeNull();
        page.MainText().ShouldContain("nur solange die Gruppe noch nicht eingereicht ist");
        var response = await client.PostWithTokenAsync(Url(id), new Dictionary<string, string> { ["Input.Confirmed"] = "true" });

        (await response.ReadHtmlAsync()).Errors().ShouldContain("Nach dem Einreichen können Dokumente nicht mehr gelöscht werden. Laden Sie bei Bedarf eine neue Fassung hoch.");
        (await factory.DocumentCountAsync(DocumentOwnerKind.Group, group)).ShouldBe(1);
    }

    [Fact]
    public async Task The_competence_centre_deletes_any_document_with_a_reason_kept_on_the_tombstone()
    {
        var (_, sponsorship, _) = await factory.SponsoringGroupAsync();
        var id = await factory.AddDocumentAsync(DocumentOwnerKind.Sponsorship, sponsorship, await factory.DemoMentorIdAsync(), category: DocumentCategory.Lease);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var withoutReason = await client.PostFormAsync(Url(id), new Dictionary<string, string> { ["Input.Confirmed"] = "true" });
        var page = await withoutReason.ReadHtmlAsync();
        page.Errors().ShouldContain("Bitte geben Sie einen Grund für das Löschen an.");
        (page.QuerySelector("#Input_Confirmed") as AngleSharp.Html.Dom.IHtmlInputElement)!.IsChecked.ShouldBeTrue("the form keeps what was entered");
        (await factory.DocumentCountAsync(DocumentOwnerKind.Sponsorship, sponsorship)).ShouldBe(1);

        var response = await client.PostFormAsync(Url(id), new Dictionary<string, string> { ["Input.Confirmed"] = "true", ["Input.Reason"] = "Enthält Kontodaten Dritter" });

        response.Location().ShouldBe($"/Sponsorships/Details/{sponsorship}");
        (await factory.QueryAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.DeletionReason).SingleAsync())).ShouldBe("Enthält Kontodaten Dritter");
    }

    [Fact]
    public async Task A_mentor_of_another_group_and_a_municipality_get_404_and_nothing_is_deleted()
    {
        var group = await factory.DemoMentorGroupIdAsync();
        var id = await factory.AddDocumentAsync(DocumentOwnerKind.Group, group, await factory.DemoMentorIdAsync());
        var (other, _) = await factory.SignedInAsNewMentorAsync();

        foreach (var client in new[] { other, await factory.SignedInAsAsync(Roles.Municipality) })
        {
            (await client.GetAsync(Url(id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.PostWithTokenAsync(Url(id), new Dictionary<string, string> { ["Input.Confirmed"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await factory.QueryAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.DeletedAtUtc).SingleAsync())).ShouldBeNull();
    }
}
