using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Domain.Documents;
using NestPortal.Web.Privacy;
using NestPortal.Web.Tests.Documents;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Privacy;

/// <summary>Documents follow their record's retention (ADR 0014, ADR 0024): erased with the household, the sponsorship, the group.</summary>
public sealed class DocumentRetentionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_erasure_deletes_the_contents_and_names_of_the_erased_records_documents_and_keeps_the_others()
    {
        var plan = await InScopeAsync(erasure => erasure.PlanAsync(TestClock.Today));
        plan.Households.ShouldNotBeEmpty("the demo history has families past their retention period");
        plan.Groups.ShouldNotBeEmpty("and groups");
        var household = plan.Households[0].Id;
        var sponsorship = await factory.QueryAsync(db => db.Sponsorships.Where(s => s.HouseholdId == household).Select(s => s.Id).FirstAsync());
        var group = plan.Groups[0].Id;
        var erased = new[]
        {
            await factory.AddDocumentAsync(DocumentOwnerKind.Household, household, "kfi", "Familie Haddad.pdf"),
            await factory.AddDocumentAsync(DocumentOwnerKind.Sponsorship, sponsorship, "kfi", "Mietvertrag Haddad.pdf", DocumentCategory.Lease),
            await factory.AddDocumentAsync(DocumentOwnerKind.Group, group, "kfi", "Schulung Erika Muster.pdf", DocumentCategory.TrainingCertificate),
        };
        var (keptGroup, _, _) = await factory.SponsoringGroupAsync();
        var kept = await factory.AddDocumentAsync(DocumentOwnerKind.Group, keptGroup, "kfi", "Bleibt.pdf");
        await factory.ExecuteAsync(db => db.DocumentRequests.Add(new DocumentRequest(DocumentOwnerKind.Group, group, DocumentCategory.Declaration,
            "Bitte die Erklärung von Erika Muster.", TestHouseholds.Clerk, TestClock.UtcNow)));

        await InScopeAsync(erasure => erasure.RunAsync(TestClock.Today));

        var documents = await factory.QueryAsync(db => db.Documents.Where(d => erased.Contains(d.Id)).ToListAsync());
        documents.ShouldAllBe(d => d.ErasedAtUtc != null && d.FileName == null && d.Sha256 == null);
        (await factory.QueryAsync(db => db.DocumentContents.CountAsync(c => erased.Contains(c.DocumentId)))).ShouldBe(0);
        (await factory.QueryAsync(db => db.Documents.Where(d => d.Id == kept).Select(d => d.FileName).SingleAsync())).ShouldBe("Bleibt.pdf");
        (await factory.QueryAsync(db => db.DocumentContents.AnyAsync(c => c.DocumentId == kept))).ShouldBeTrue();
        (await factory.QueryAsync(db => db.DocumentRequests.AnyAsync(r => r.OwnerId == group && r.WithdrawnAtUtc == null && r.FulfilledAtUtc == null)))
            .ShouldBeFalse("an open request of an erased group is closed");

        // A second run changes nothing.
        (await InScopeAsync(erasure => erasure.RunAsync(TestClock.Today))).Households.ShouldBeEmpty();
    }

    private async Task<ErasurePlan> InScopeAsync(Func<Erasure, Task<ErasurePlan>> run)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<Erasure>());
    }
}
