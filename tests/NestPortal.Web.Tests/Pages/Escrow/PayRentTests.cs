using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Escrow;

public sealed class PayRentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly ThisMonth => Months.FirstOf(TestGroups.Today);
    private static string Url(int id) => $"/Escrow/PayRent/{id}";
    private static string Iso(DateOnly month) => month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<HttpClient> StaffAsync() => factory.SignedInAsAsync(Roles.CompetenceCentre);

    [Fact]
    public async Task Staff_pay_one_due_month_and_the_balance_drops_by_its_rent()
    {
        var account = await factory.CreateAccountAsync("Konto Miete zahlen", monthsAgo: 2, deposit: 7800m);
        var client = await StaffAsync();

        var page = await client.GetPageAsync(Url(account.Sponsorship));
        page.QuerySelectorAll("select[name='Month'] option").Select(o => o.GetAttribute("value")).Where(v => v != "")
            .ShouldBe([Iso(ThisMonth.AddMonths(-2)), Iso(ThisMonth.AddMonths(-1)), Iso(ThisMonth)], "the due, unpaid months");
        page.QuerySelector("[data-fact='balance']")!.TextContent.ShouldBe("7.800,00\u00A0€");
        var response = await client.PostFormAsync(Url(account.Sponsorship), new Dictionary<string, string> { ["Month"] = Iso(ThisMonth.AddMonths(-2)) });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Escrow/Account/{account.Sponsorship}");
        var payment = (await factory.EntriesAsync(account.Sponsorship)).Where(e => e.Kind == EscrowEntryKind.RentPayment).ShouldHaveSingleItem();
        payment.RentMonth.ShouldBe(ThisMonth.AddMonths(-2));
        payment.Amount.ShouldBe(-650.00m);
        payment.RecordedByName.ShouldNotBeNullOrEmpty();
        var saved = await factory.LoadSponsorshipAsync(account.Sponsorship);
        saved.EscrowBalance.ShouldBe(7150.00m);
        (await client.GetPageAsync(Url(account.Sponsorship))).QuerySelectorAll("select[name='Month'] option")
            .Select(o => o.GetAttribute("value")).ShouldNotContain(Iso(ThisMonth.AddMonths(-2)), "a paid month is no longer offered");
    }

    [Fact]
    public async Task The_same_form_submitted_twice_pays_the_month_once()
    {
        var account = await factory.CreateAccountAsync("Konto Doppelklick Miete", monthsAgo: 1, deposit: 7800m);
        var client = await StaffAsync();

        var (first, second) = await client.SubmitTwiceAsync(Url(account.Sponsorship), new Dictionary<string, string> { ["Month"] = Iso(ThisMonth) });

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect, await first.Content.ReadAsStringAsync());
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.ReadHtmlAsync()).Errors().ShouldNotBeEmpty("the second submission is refused with a reason");
        (await factory.EntriesAsync(account.Sponsorship)).Count(e => e.Kind == EscrowEntryKind.RentPayment).ShouldBe(1);
        (await factory.LoadSponsorshipAsync(account.Sponsorship)).EscrowBalance.ShouldBe(7150.00m);
    }

    [Fact]
    public async Task A_payment_beyond_the_balance_is_refused_with_the_domains_message_and_nothing_is_written()
    {
        var account = await factory.CreateAccountAsync("Konto Zu Wenig", deposit: 100m);
        var client = await StaffAsync();
        var before = await factory.LoadSponsorshipAsync(account.Sponsorship);

        var response = await client.PostFormAsync(Url(account.Sponsorship), new Dictionary<string, string> { ["Month"] = Iso(ThisMonth) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Das Guthaben von 100,00 € reicht für die Miete für");
        page.ShouldShowError("(650,00 €) nicht aus.");
        page.QuerySelector("select[name='Month'] option[selected]")!.GetAttribute("value").ShouldBe(Iso(ThisMonth), "the choice is kept");
        (await factory.EntriesAsync(account.Sponsorship)).ShouldHaveSingleItem().Kind.ShouldBe(EscrowEntryKind.Deposit);
        (await factory.LoadSponsorshipAsync(account.Sponsorship)).ConcurrencyStamp.ShouldBe(before.ConcurrencyStamp);
    }

    [Theory]
    [InlineData("")]
    [InlineData("kein-datum")]
    public async Task Without_a_month_nothing_is_paid(string month)
    {
        var account = await factory.CreateAccountAsync($"Konto Ohne Monat {month}", deposit: 7800m);
        var client = await StaffAsync();

        var response = await client.PostFormAsync(Url(account.Sponsorship), new Dictionary<string, string> { ["Month"] = month });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("Bitte wählen Sie den Monat, für den die Miete gezahlt wird.");
        (await factory.EntriesAsync(account.Sponsorship)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_month_not_yet_due_is_refused()
    {
        var account = await factory.CreateAccountAsync("Konto Nicht Fällig", deposit: 7800m);
        var client = await StaffAsync();

        var response = await client.PostFormAsync(Url(account.Sponsorship), new Dictionary<string, string> { ["Month"] = Iso(ThisMonth.AddMonths(1)) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("ist noch nicht fällig.");
        (await factory.EntriesAsync(account.Sponsorship)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Unknown_account_is_404()
    {
        var client = await StaffAsync();
        await client.GetAsync(Url(999_999)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.PostWithTokenAsync(Url(999_999), new Dictionary<string, string> { ["Month"] = Iso(ThisMonth) })
            .ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_get_403_and_nothing_is_paid(string role)
    {
        var account = await factory.CreateAccountAsync($"Konto Rolle Miete {role}", deposit: 7800m);
        var client = await factory.SignedInAsAsync(role);

        await client.PostWithTokenAsync(Url(account.Sponsorship), new Dictionary<string, string>
        {
            ["Month"] = Iso(ThisMonth), ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        }).ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        (await factory.EntriesAsync(account.Sponsorship)).Count.ShouldBe(1);
    }
}
