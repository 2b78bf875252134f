using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Escrow;

public sealed class DepositTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => TestGroups.Today;
    private static string Url(int id) => $"/Escrow/Deposit/{id}";

    private static Dictionary<string, string> Deposit(string amount, DateOnly? valueDate = null, string reference = "SEPA Gutschrift Patenschaft") => new()
    {
        ["Input.Amount"] = amount,
        ["Input.ValueDate"] = (valueDate ?? Today).Iso(),
        ["Input.BankReference"] = reference,
    };

    [Fact]
    public async Task After_the_programme_end_a_running_sponsorship_still_takes_deposits()
    {
        var id = await factory.SponsorshipAsync("Einzahlung Nach Programmende");

        await factory.WhileProgrammeEndedAsync(async () =>
        {
            var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

            var response = await client.PostFormAsync(Url(id), Deposit("500,00"));

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await factory.EntriesAsync(id)).ShouldHaveSingleItem().Amount.ShouldBe(500.00m);
        });
    }

    [Fact]
    public async Task Staff_book_a_deposit_and_see_it_on_the_account()
    {
        var id = await factory.SponsorshipAsync("Einzahlung Glücklich");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var form = await client.GetPageAsync(Url(id));
        form.ValueOf("Input.ValueDate").ShouldBe(Today.Iso(), "the value date starts at today");
        form.MainText().ShouldContain("Einzahlung Glücklich");
        // Typed as the portal shows amounts, with the thousands separator.
        var response = await client.PostFormAsync(Url(id), Deposit("1.234,56", Today.AddDays(-3)));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Escrow/Account/{id}");
        var entry = (await factory.EntriesAsync(id)).ShouldHaveSingleItem();
        entry.Kind.ShouldBe(EscrowEntryKind.Deposit);
        entry.Amount.ShouldBe(1234.56m);
        entry.ValueDate.ShouldBe(Today.AddDays(-3));
        entry.Reference.ShouldBe("SEPA Gutschrift Patenschaft");
        entry.IdempotencyKey.ShouldNotBeNull();
        entry.RecordedByName.ShouldNotBeNullOrWhiteSpace();
        var saved = await factory.LoadSponsorshipAsync(id);
        saved.EscrowBalance.ShouldBe(1234.56m);
        saved.EscrowShortfall.ShouldBe(7800m - 1234.56m);

        var account = await client.GetPageAsync(response.Location());
        account.MainText().ShouldContain("Die Einzahlung ist gebucht.");
        account.QuerySelector("[data-fact='balance']")!.TextContent.ShouldBe("1.234,56\u00A0€");
    }

    [Theory]
    [InlineData("-50,00", "Der Betrag der Einzahlung muss größer als 0 € sein.")]
    [InlineData("0", "Der Betrag der Einzahlung muss größer als 0 € sein.")]
    [InlineData("12,345", "Der Betrag der Einzahlung darf höchstens zwei Nachkommastellen (Cent) haben.")]
    [InlineData("zwölf Euro", "Bitte geben Sie den Betrag in Euro und Cent an, z. B. 1234,56.")]
    [InlineData("1.23,56", "Bitte geben Sie den Betrag in Euro und Cent an, z. B. 1234,56.")]
    public async Task Bad_amounts_are_refused_with_the_form_kept_and_nothing_booked(string amount, string message)
    {
        var id = await factory.SponsorshipAsync($"Einzahlung Betrag {amount}");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.PostFormAsync(Url(id), Deposit(amount));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError(message);
        page.ValueOf("Input.Amount").ShouldBe(amount);
        page.ValueOf("Input.BankReference").ShouldBe("SEPA Gutschrift Patenschaft");
        (await factory.EntryCountAsync(id)).ShouldBe(0);
        (await factory.LoadSponsorshipAsync(id)).EscrowBalance.ShouldBe(0m);
    }

    [Fact]
    public async Task A_value_date_in_the_far_future_is_refused()
    {
        var id = await factory.SponsorshipAsync("Einzahlung Zukunft");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var future = new DateOnly(2099, 12, 31);

        var response = await client.PostFormAsync(Url(id), Deposit("500,00", future));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Das Wertstellungsdatum (31.12.2099) liegt in der Zukunft");
        page.ValueOf("Input.Amount").ShouldBe("500,00");
        page.ValueOf("Input.ValueDate").ShouldBe(future.Iso());
        (await factory.EntryCountAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task Missing_reference_and_date_are_named()
    {
        var id = await factory.SponsorshipAsync("Einzahlung Leer");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.PostFormAsync(Url(id), new Dictionary<string, string>
        {
            ["Input.Amount"] = "100,00", ["Input.ValueDate"] = "", ["Input.BankReference"] = "",
        });

        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Wertstellung");
        page.ShouldShowError("Verwendungszweck / Bankreferenz");
        (await factory.EntryCountAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_form_submitted_twice_books_one_deposit()
    {
        var id = await factory.SponsorshipAsync("Einzahlung Doppelklick");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var form = await client.OpenFormAsync(Url(id));

        var first = await client.SubmitAsync(Url(id), form, Deposit("700,00"));
        var second = await client.SubmitAsync(Url(id), form, Deposit("700,00"));

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Location().ShouldBe($"/Escrow/Account/{id}");
        (await client.GetPageAsync(second.Location())).MainText().ShouldContain("Dieses Formular war bereits gebucht");
        (await factory.EntriesAsync(id)).ShouldHaveSingleItem().Amount.ShouldBe(700m);
    }

    [Fact]
    public async Task Two_staff_booking_on_the_same_version_the_second_is_told_and_nothing_is_lost()
    {
        var id = await factory.SponsorshipAsync("Einzahlung Gleichzeitig");
        var anna = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var bert = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var annasForm = await anna.OpenFormAsync(Url(id));
        var bertsForm = await bert.OpenFormAsync(Url(id));

        (await anna.SubmitAsync(Url(id), annasForm, Deposit("100,00", reference: "Anna"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await bert.SubmitAsync(Url(id), bertsForm, Deposit("200,00", reference: "Bert"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Auf dem Mietkonto wurde inzwischen gebucht.");
        page.ValueOf("Input.Amount").ShouldBe("200,00");
        page.QuerySelector("[data-fact='balance']")!.TextContent.ShouldBe("100,00\u00A0€", "the page shows the saved balance");
        var entry = (await factory.EntriesAsync(id)).ShouldHaveSingleItem();
        entry.Reference.ShouldBe("Anna");
        (await factory.LoadSponsorshipAsync(id)).EscrowBalance.ShouldBe(100m);

        // Having seen the new balance, Bert sends the form again as shown: now it books.
        var again = await bert.SubmitAsync(Url(id), page.HiddenFields(), Deposit("200,00", reference: "Bert"));
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.EntriesAsync(id)).Select(e => e.Reference).ShouldBe(["Anna", "Bert"]);
        (await factory.LoadSponsorshipAsync(id)).EscrowBalance.ShouldBe(300m);
    }

    [Fact]
    public async Task A_tampered_account_id_is_404_and_books_nothing()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var before = await factory.QueryAsync(db => db.EscrowEntries.CountAsync());

        await client.GetAsync(Url(999_999)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.PostWithTokenAsync(Url(999_999), new Dictionary<string, string>(Deposit("100,00"))
        {
            ["IdempotencyKey"] = Guid.NewGuid().ToString(), ["Version"] = Guid.NewGuid().ToString(),
        }).ShouldBeStatusAsync(HttpStatusCode.NotFound);

        (await factory.QueryAsync(db => db.EscrowEntries.CountAsync())).ShouldBe(before);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_get_403_and_book_nothing(string role)
    {
        var id = await factory.SponsorshipAsync($"Einzahlung Rolle {role}");
        var client = await factory.SignedInAsAsync(role);

        await client.PostWithTokenAsync(Url(id), new Dictionary<string, string>(Deposit("100,00"))
        {
            ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        }).ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        (await factory.EntryCountAsync(id)).ShouldBe(0);
    }
}
