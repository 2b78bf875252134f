using System.Net;
using NestPortal.Domain.Common;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Escrow;

public sealed class AccountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => TestGroups.Today;
    private static string Url(int id) => $"/Escrow/Account/{id}";

    private static readonly Dictionary<string, string> Confirmed = new() { ["ConfirmReady"] = "true" };

    [Fact]
    public async Task Staff_see_the_bank_account_position_and_a_shortfall_warning_in_words()
    {
        var id = await factory.SponsorshipAsync("Konto Ansicht", "NesT-KONTO-ANSICHT");
        await factory.DepositAsync(id, 1000m);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync(Url(id));

        page.QuerySelector("h1")!.TextContent.ShouldBe("Mietkonto NesT-KONTO-ANSICHT");
        page.QuerySelector("[data-fact='iban']")!.TextContent.ShouldBe("DE89 3704 0044 0532 0130 00");
        var text = page.MainText();
        text.ShouldContain("Mentorengruppe Treuhand");
        text.ShouldContain("Sparkasse Bochum");
        text.ShouldContain("Konto Ansicht");
        page.QuerySelector("[data-fact='balance']")!.TextContent.ShouldBe("1.000,00\u00A0€");
        page.QuerySelector("[data-fact='required']")!.TextContent.ShouldBe("7.800,00\u00A0€");
        page.QuerySelector("[data-fact='funded']")!.TextContent.ShouldBe("1.000,00\u00A0€");
        page.QuerySelector("[data-fact='shortfall']")!.TextContent.ShouldBe("6.800,00\u00A0€");
        page.QuerySelector("[data-fact='projection']")!.TextContent.ShouldBe("-6.800,00\u00A0€");
        page.QuerySelector("[data-fact='months']")!.TextContent.ShouldBe("0 gezahlt, 12 offen");
        var warning = page.QuerySelector("[data-fact='shortfall-warning']")!;
        warning.GetAttribute("role").ShouldBe("alert");
        warning.TextContent.ShouldContain("Es fehlen 6.800,00\u00A0€");
        foreach (var link in new[] { $"/Escrow/Deposit/{id}", $"/Escrow/PayRent/{id}", $"/Escrow/Refund/{id}", $"/Escrow/RentChange/{id}" })
            page.QuerySelector($"main a[href='{link}']").ShouldNotBeNull(link);
    }

    [Fact]
    public async Task Entries_show_kind_month_signed_amount_and_who_corrected_what()
    {
        var leaseStart = Months.FirstOf(Today).AddMonths(-1);
        var id = await factory.SponsorshipAsync("Konto Buchungen", leaseStart: leaseStart);
        var wrong = await factory.DepositAsync(id, 100m, "Tippfehler");
        var right = await factory.DepositAsync(id, 7800m, "Gutschrift Gruppe");
        var rent = (await factory.BookAsync(id, (s, actor, now) => s.PayRent(leaseStart, Today, actor, now))).Id;
        var correction = (await factory.BookAsync(id, (s, actor, now) => s.Correct(wrong, "Doppelt erfasst", Today, actor, now))).Id;
        await factory.BookAsync(id, (s, actor, now) => s.ChangeRent(Months.FirstOf(Today).AddMonths(2), 700m, actor, now));
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync(Url(id));

        string[] Row(int entry) => page.QuerySelector($"#entry-{entry}")!.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToArray();
        Row(wrong)[2].ShouldBe("Einzahlung");
        Row(wrong)[5].ShouldBe("+100,00\u00A0€");
        Row(wrong)[7].ShouldBe($"korrigiert durch #{correction}");
        page.QuerySelector($"#entry-{wrong} a[href='#entry-{correction}']").ShouldNotBeNull();
        Row(correction)[2].ShouldBe("Korrektur");
        Row(correction)[4].ShouldBe("Doppelt erfasst");
        Row(correction)[5].ShouldBe("-100,00\u00A0€");
        Row(correction)[7].ShouldBe($"korrigiert #{wrong}");
        Row(rent)[2].ShouldBe("Mietzahlung");
        Row(rent)[3].ShouldBe(leaseStart.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("de-DE")));
        Row(rent)[5].ShouldBe("-650,00\u00A0€");
        Row(rent)[6].ShouldBe(TestHouseholds.Clerk.Name);
        page.QuerySelector($"a[href='/Escrow/Correct/{id}?entryId={right}']").ShouldNotBeNull("a standing entry may be corrected");
        page.QuerySelector($"a[href='/Escrow/Correct/{id}?entryId={correction}']").ShouldBeNull("a correction may not");
        page.QuerySelector($"a[href='/Escrow/Correct/{id}?entryId={wrong}']").ShouldBeNull("a corrected entry may not");
        var change = page.QuerySelectorAll("[data-table='rent-changes'] tbody tr").ShouldHaveSingleItem().TextContent;
        change.ShouldContain("700,00\u00A0€");
        // 7,900 in, 100 corrected, 650 paid for the first month: 7,150 held. Eleven months left, this month and
        // the next at 650, nine from the change at 700: 7,600 needed.
        page.QuerySelector("[data-fact='shortfall']")!.TextContent.ShouldBe("450,00\u00A0€");
    }

    [Fact]
    public async Task Ready_for_arrival_is_refused_while_underfunded_with_the_missing_amount()
    {
        var id = await factory.SponsorshipAsync("Konto Nicht Bereit");
        await factory.DepositAsync(id, 7000m);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.PostFormAsync(Url(id), Confirmed, "handler=Ready");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("Das Mietkonto ist noch nicht ausreichend gedeckt: Es fehlen 800,00 € (7.000,00 € von 7.800,00 €).");
        (await factory.LoadSponsorshipAsync(id)).ReadyForArrivalOn.ShouldBeNull();
    }

    [Fact]
    public async Task Ready_for_arrival_needs_the_confirmation()
    {
        var id = await factory.SponsorshipAsync("Konto Unbestätigt");
        await factory.DepositAsync(id, 7800m);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.PostFormAsync(Url(id), new Dictionary<string, string>(), "handler=Ready");

        (await response.ReadHtmlAsync()).ShouldShowError("Bitte bestätigen Sie, dass Sie den Kontostand geprüft haben.");
        (await factory.LoadSponsorshipAsync(id)).ReadyForArrivalOn.ShouldBeNull();
    }

    [Fact]
    public async Task A_funded_account_is_confirmed_ready_once_even_when_posted_twice()
    {
        var id = await factory.SponsorshipAsync("Konto Bereit");
        await factory.DepositAsync(id, 7800m);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var form = await client.OpenFormAsync(Url(id));
        var action = $"{Url(id)}?handler=Ready";

        var first = await client.SubmitAsync(action, form, Confirmed);
        var stamp = (await factory.LoadSponsorshipAsync(id)).ConcurrencyStamp;
        var second = await client.SubmitAsync(action, form, Confirmed);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.LoadSponsorshipAsync(id);
        saved.ReadyForArrivalOn.ShouldBe(Today);
        saved.ConcurrencyStamp.ShouldBe(stamp, "the second post changed nothing");
        var page = await client.GetPageAsync(second.Location());
        page.MainText().ShouldContain("Das Mietkonto war bereits als bereit zur Einreise bestätigt.");
        page.QuerySelector("[data-fact='ready']")!.TextContent.ShouldBe($"ja, seit {Today.German()}");
        page.QuerySelector("[data-fact='shortfall-warning']").ShouldBeNull();
    }

    [Fact]
    public async Task The_sponsorship_page_links_to_its_account()
    {
        var id = await factory.SponsorshipAsync("Konto Verlinkt");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync($"/Sponsorships/Details/{id}");

        page.QuerySelector($"main a[href='/Escrow/Account/{id}']")!.TextContent.ShouldBe("Mietkonto");
    }

    [Fact]
    public async Task Unknown_account_is_404()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        await client.GetAsync(Url(999_999)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.PostWithTokenAsync($"{Url(999_999)}?handler=Ready", Confirmed).ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_get_403_and_change_nothing(string role)
    {
        var id = await factory.SponsorshipAsync($"Konto Rolle {role}");
        await factory.DepositAsync(id, 7800m);
        var client = await factory.SignedInAsAsync(role);

        await client.PostWithTokenAsync($"{Url(id)}?handler=Ready", Confirmed).ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        (await factory.LoadSponsorshipAsync(id)).ReadyForArrivalOn.ShouldBeNull();
    }
}
