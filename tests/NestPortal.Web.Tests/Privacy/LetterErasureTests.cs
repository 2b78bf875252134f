using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Domain.Letters;
using NestPortal.Web.Authorization;
using NestPortal.Web.Privacy;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Reports;

namespace NestPortal.Web.Tests.Privacy;

/// <summary>
/// A stored decision letter names the persons, a review notice the main contacts: each goes with the data of its
/// household or group when that is erased (ADR 0023).
/// </summary>
public sealed class LetterErasureTests
{
    [Fact]
    public async Task Erasing_a_household_or_a_groups_members_removes_their_stored_letters_and_keeps_the_others()
    {
        await using var factory = new PortalFactory { DemoHistory = false };
        var erased = await AllocatedWithLetterAsync(factory, "Brief Gelöscht", "Vergessen");
        var kept = await AllocatedWithLetterAsync(factory, "Brief Bleibt", "Bleibend");
        await factory.SqlAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE Sponsorships SET Status = 'Completed', CompletedOn = '2022-03-31' WHERE HouseholdId = {erased}"));
        // The erased household's group is due too (24 months after the same day): its review notice goes with its members' data.
        var erasedGroup = await factory.QueryAsync(db => db.Sponsorships.Where(s => s.HouseholdId == erased).Select(s => s.GroupId).SingleAsync());
        var keptGroup = await factory.QueryAsync(db => db.Sponsorships.Where(s => s.HouseholdId == kept).Select(s => s.GroupId).SingleAsync());
        foreach (var group in new[] { erasedGroup, keptGroup })
            await factory.ExecuteAsync(async db =>
            {
                db.Letters.Add(Letter.ForGroup(LetterKind.GroupApproval, group, "Freigabe.pdf", "%PDF-1.7 test"u8.ToArray(), TestClock.UtcNow));
                await db.SaveChangesAsync();
            });

        await using (var scope = factory.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<Erasure>().RunAsync(TestClock.Today)).Households.ShouldContain(h => h.Id == erased);

        (await factory.QueryAsync(db => db.Letters.CountAsync(l => l.HouseholdId == erased))).ShouldBe(0);
        (await factory.QueryAsync(db => db.Letters.CountAsync(l => l.HouseholdId == kept))).ShouldBe(1);
        (await factory.QueryAsync(db => db.Letters.CountAsync(l => l.GroupId == erasedGroup))).ShouldBe(0);
        (await factory.QueryAsync(db => db.Letters.CountAsync(l => l.GroupId == keptGroup))).ShouldBe(1);
        // Nor is a new one written for the erased household's decision.
        var allocationId = (await factory.LoadHouseholdAsync(erased)).Allocations.Single().Id;
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        (await client.GetAsync($"/Allocations/Print/{allocationId}?handler=Pdf")).Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await factory.QueryAsync(db => db.Letters.CountAsync(l => l.HouseholdId == erased))).ShouldBe(0);
    }

    private static async Task<int> AllocatedWithLetterAsync(PortalFactory factory, string groupName, string familyName)
    {
        var household = await factory.CreateHouseholdAsync(familyName: familyName);
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), groupName);
        await factory.MatchAsync(group, household);
        await factory.AllocateAsync(household);
        var allocationId = (await factory.LoadHouseholdAsync(household)).Allocations.Single().Id;
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        await (await client.GetAsync($"/Allocations/Print/{allocationId}?handler=Pdf")).PdfAsync();
        return household;
    }
}
