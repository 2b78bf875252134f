using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Escrow;

/// <summary>A sponsorship to book on, as the booking pages' tests need it.</summary>
public sealed record BookingAccount(int Sponsorship, int Group, int Household, string Reference);

/// <summary>
/// Escrow accounts for the booking tests: a matched sponsorship (permanent rules, 12 rent months of
/// 650 €), money put on it through the aggregate, and a form submitted twice as a double click does.
/// </summary>
public static class BookingAccounts
{
    public const decimal Rent = 650.00m;
    private static DateOnly Today => TestGroups.Today;

    /// <summary>A sponsorship whose lease began <paramref name="monthsAgo"/> months before this month, so that many months plus this one are due.</summary>
    public static async Task<BookingAccount> CreateAccountAsync(this PortalFactory factory, string groupName, int monthsAgo = 0,
        decimal deposit = 0, string? ownerId = null, IReadOnlyList<string>? memberEmails = null)
    {
        var group = await factory.CreateApprovedGroupAsync(ownerId ?? await factory.DemoMentorIdAsync(), groupName, memberEmails: memberEmails);
        var household = await factory.CreateHouseholdAsync(familyName: "Mansour");
        var id = await factory.MatchAsync(group, household, rent: Rent, leaseStart: Months.FirstOf(Today).AddMonths(-monthsAgo));
        if (deposit > 0) await factory.DepositAsync(id, deposit);
        var reference = await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Reference).SingleAsync());
        return new BookingAccount(id, group, household, reference);
    }

    public static Task PayRentAsync(this PortalFactory factory, int sponsorshipId, DateOnly month) =>
        factory.BookAsync(sponsorshipId, s => s.PayRent(month, Today, TestHouseholds.Clerk, TestClock.UtcNow));

    public static Task BookAsync(this PortalFactory factory, int sponsorshipId, Action<Sponsorship> book) =>
        factory.ExecuteAsync(async db =>
        {
            book(await db.Sponsorships.SingleAsync(s => s.Id == sponsorshipId));
            await db.SaveChangesAsync();
        });

    /// <summary>
    /// Opens the form once and posts it twice with the same hidden fields (version, form key) and the
    /// same input, as a double click or a browser's resubmission does.
    /// </summary>
    public static async Task<(HttpResponseMessage First, HttpResponseMessage Second)> SubmitTwiceAsync(this HttpClient client, string url,
        IDictionary<string, string> fields)
    {
        var form = await client.OpenFormAsync(url);
        return (await client.SubmitAsync(url, form, fields), await client.SubmitAsync(url, form, fields));
    }
}
