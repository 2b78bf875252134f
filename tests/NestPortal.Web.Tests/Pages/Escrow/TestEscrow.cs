using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Escrow;

/// <summary>Escrow accounts for the page tests: matched sponsorships, bookings made as staff would, and what the ledger holds.</summary>
public static class TestEscrow
{
    private static DateOnly Today => TestGroups.Today;

    /// <summary>
    /// A running sponsorship of a new approved group (permanent rules: 12 months of rent, 650 € a month,
    /// so 7,800 € required) from this month unless <paramref name="leaseStart"/> says otherwise. A flat the
    /// group owns (<paramref name="ownedByGroup"/>) gets no rent under these rules: no rent end.
    /// </summary>
    public static async Task<int> SponsorshipAsync(this PortalFactory factory, string groupName, string? reference = null,
        decimal rent = 650m, DateOnly? leaseStart = null, bool ownedByGroup = false)
    {
        var household = await factory.CreateHouseholdAsync(reference);
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), groupName);
        return await factory.MatchAsync(group, household, rent: rent, leaseStart: leaseStart, ownedByGroup: ownedByGroup);
    }

    /// <summary>Changes the sponsorship through its own commands and saves; returns what the command returned.</summary>
    public static async Task<T> BookAsync<T>(this PortalFactory factory, int id, Func<Sponsorship, Actor, DateTime, T> book)
    {
        T result = default!;
        await factory.ExecuteAsync(async db =>
        {
            var sponsorship = await db.Sponsorships.SingleAsync(s => s.Id == id);
            result = book(sponsorship, TestHouseholds.Clerk, TestClock.UtcNow);
            await db.SaveChangesAsync();
        });
        return result;
    }

    /// <summary>A deposit booked today; returns the entry's id.</summary>
    public static async Task<int> DepositAsync(this PortalFactory factory, int id, decimal amount, string reference = "Überweisung Gruppe") =>
        (await factory.BookAsync(id, (s, actor, now) => s.RecordDeposit(amount, Today, reference, Today, actor, now))).Id;

    public static Task<List<EscrowEntry>> EntriesAsync(this PortalFactory factory, int id) =>
        factory.QueryAsync(db => db.EscrowEntries.AsNoTracking().Where(e => e.SponsorshipId == id).OrderBy(e => e.Id).ToListAsync());

    public static Task<int> EntryCountAsync(this PortalFactory factory, int id) =>
        factory.QueryAsync(db => db.EscrowEntries.CountAsync(e => e.SponsorshipId == id));

    public static Task<Sponsorship> LoadSponsorshipAsync(this PortalFactory factory, int id) =>
        factory.QueryAsync(db => db.Sponsorships.AsNoTracking().SingleAsync(s => s.Id == id));

    /// <summary>
    /// A form as the browser holds it after opening the page: its hidden fields (antiforgery token,
    /// version, idempotency key) to post once or several times, as a double click or a retry would.
    /// </summary>
    public static async Task<Dictionary<string, string>> OpenFormAsync(this HttpClient client, string url) =>
        (await client.GetPageAsync(url)).HiddenFields();

    /// <summary>The hidden fields of the page's first POST form, as a browser would send them back.</summary>
    public static Dictionary<string, string> HiddenFields(this IHtmlDocument page)
    {
        var form = page.QuerySelectorAll("main form").OfType<IHtmlFormElement>()
            .First(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase));
        return form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .GroupBy(i => i.Name!).ToDictionary(g => g.Key, g => g.First().Value);
    }

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, IDictionary<string, string> form,
        IDictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>(form);
        foreach (var (key, value) in fields) values[key] = value;
        return client.PostAsync(url, new FormUrlEncodedContent(values));
    }
}
