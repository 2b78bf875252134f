using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Documents;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Documents;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Documents;

public sealed class DownloadTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_download_is_an_uncached_attachment_with_the_checked_type_and_is_in_the_audit_log()
    {
        var (group, _, _) = await factory.SponsoringGroupAsync();
        var bytes = DocumentFiles.Pdf();
        var id = await factory.AddDocumentAsync(DocumentOwnerKind.Group, group, "someone", "Schulung Mühlenstraße \"neu\".pdf", DocumentCategory.TrainingCertificate, bytes);
        var mentor = await factory.SignedInAsAsync(Roles.Mentor);
        var staff = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        foreach (var client in new[] { mentor, mentor, staff })
        {
            var response = await client.GetAsync($"/Documents/Download/{id}");

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Headers.CacheControl!.NoStore.ShouldBeTrue();
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            var disposition = response.Content.Headers.ContentDisposition!;
            disposition.DispositionType.ShouldBe("attachment");
            disposition.FileNameStar.ShouldBe("Schulung Mühlenstraße _neu_.pdf");
            (await response.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        }

        var views = await factory.QueryAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "Document" && a.EntityId == id.ToString() && a.Action == AuditAction.Viewed).Select(a => a.Role).ToListAsync());
        views.Count.ShouldBe(3, "each download is logged, also the same person's second");
        views.Count(r => r == Roles.CompetenceCentre).ShouldBe(1);
    }

    [Fact]
    public async Task A_mentor_of_another_group_a_municipality_and_an_administrator_get_404_and_nothing_is_logged()
    {
        var (group, sponsorship, household) = await factory.SponsoringGroupAsync();
        var ids = new[]
        {
            await factory.AddDocumentAsync(DocumentOwnerKind.Group, group, "someone"),
            await factory.AddDocumentAsync(DocumentOwnerKind.Sponsorship, sponsorship, "someone", category: DocumentCategory.Lease),
            await factory.AddDocumentAsync(DocumentOwnerKind.Household, household, "kfi"),
        };
        var (otherMentor, _) = await factory.SignedInAsNewMentorAsync();
        var callers = new[] { otherMentor, await factory.SignedInAsAsync(Roles.Municipality), await factory.SignedInAsAsync(Roles.Administrator) };

        foreach (var client in callers)
        foreach (var id in ids)
            (await client.GetAsync($"/Documents/Download/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The group's own mentor reaches the group's and the sponsorship's documents, not the household's.
        var mentor = await factory.SignedInAsAsync(Roles.Mentor);
        (await mentor.GetAsync($"/Documents/Download/{ids[1]}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mentor.GetAsync($"/Documents/Download/{ids[2]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Document" && a.Action == AuditAction.Viewed
                                                                        && (a.EntityId == ids[0].ToString() || a.EntityId == ids[2].ToString())))).ShouldBe(0);
    }

    [Fact]
    public async Task A_deleted_document_or_an_unknown_id_is_a_404()
    {
        var (group, _, _) = await factory.SponsoringGroupAsync();
        var id = await factory.AddDocumentAsync(DocumentOwnerKind.Group, group, "someone");
        await factory.ExecuteAsync(async db =>
        {
            (await db.Documents.SingleAsync(d => d.Id == id)).Delete(TestHouseholds.Clerk, isStaff: true, groupEditable: false, "Falsche Datei", TestClock.UtcNow);
            await db.SaveChangesAsync();
        });
        var staff = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        (await staff.GetAsync($"/Documents/Download/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await staff.GetAsync("/Documents/Download/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
