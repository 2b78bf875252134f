using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.RentRuns;

/// <summary>
/// A batch of completed sponsorships must not end the run: the run takes the next running ones, so the
/// accounts after a stretch of finished ones (the pilot years) are still paid.
/// </summary>
public sealed class CompletedBatchTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Accounts_after_a_full_batch_of_completed_sponsorships_are_still_paid()
    {
        var (completed, _) = await factory.FundedAsync("Mietlauf abgeschlossen", new DateOnly(2019, 11, 1), 24 * RentAccounts.Rent, pilot: true);
        await factory.RunRentAsync(new DateOnly(2021, 12, 15));
        (await factory.SponsorshipAsync(completed)).Status.ShouldBe(SponsorshipStatus.Completed);
        var (later, _) = await factory.FundedAsync("Mietlauf danach", new DateOnly(2024, 1, 1), 12 * RentAccounts.Rent);

        // Batches of one: the completed sponsorship alone would have made a batch with nothing to settle.
        await factory.RunRentAsync(new DateOnly(2024, 3, 2), batchSize: 1);

        (await factory.EntriesAsync(later)).PaidMonths().ShouldBe([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1)]);
    }
}
