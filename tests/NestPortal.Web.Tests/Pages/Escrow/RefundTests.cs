using System.Net;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Escrow;

public sealed class RefundTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int id) => $"/Escrow/Refund/{id}";

    private Task<HttpClient> StaffAsync() => factory.SignedInAsAsync(Roles.CompetenceCentre);

    private static Dictionary<string, string> Form(string amount, string reference = "Rückzahlung Überschuss", bool confirmed = true) => new()
    {
        ["Input.Amount"] = amount,
        ["Input.Reference"] = reference,
        ["Input.Confirmed"] = confirmed ? "true" : "false",
    };

    [Fact]
    public async Task Staff_refund_part_of_the_surplus_with_the_forms_key()
    {
        // 12 months of 650 € need 7,800 €: 200 € are not needed.
        var account = await factory.CreateAccountAsync("Konto Rückzahlung", deposit: 8000m);
        var client = await StaffAsync();

        var page = await client.GetPageAsync(Url(account.Sponsorship));
        page.QuerySelector("[data-fact='surplus']")!.TextContent.ShouldContain("200,00\u00A0€");
        var key = page.ValueOf("IdempotencyKey")!;
        var response = await client.PostFormAsync(Url(account.Sponsorship), Form("150,50"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Escrow/Account/{account.Sponsorship}");
        var refund = (await factory.EntriesAsync(account.Sponsorship)).Where(e => e.Kind == EscrowEntryKind.Refund).ShouldHaveSingleItem();
        refund.Amount.ShouldBe(-150.50m);
        refund.Reference.ShouldBe("Rückzahlung Überschuss");
        refund.IdempotencyKey.ShouldNotBeNull();
        refund.IdempotencyKey.ToString().ShouldNotBe(key, "each showing of the form has its own key");
        (await factory.LoadSponsorshipAsync(account.Sponsorship)).EscrowBalance.ShouldBe(7849.50m);
    }

    [Fact]
    public async Task The_same_form_submitted_twice_refunds_once()
    {
        var account = await factory.CreateAccountAsync("Konto Doppelte Rückzahlung", deposit: 8000m);
        var client = await StaffAsync();

        var (first, second) = await client.SubmitTwiceAsync(Url(account.Sponsorship), Form("100"));

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the second submission is recognised by its key");
        second.Location().ShouldBe($"/Escrow/Account/{account.Sponsorship}");
        (await factory.EntriesAsync(account.Sponsorship)).Count(e => e.Kind == EscrowEntryKind.Refund).ShouldBe(1);
        (await factory.LoadSponsorshipAsync(account.Sponsorship)).EscrowBalance.ShouldBe(7900m);
    }

    [Theory]
    [InlineData("300", "Es können höchstens 200,00 € zurückgezahlt werden")]
    [InlineData("0", "Der Betrag der Rückzahlung muss größer als 0 € sein.")]
    [InlineData("-20", "Der Betrag der Rückzahlung muss größer als 0 € sein.")]
    [InlineData("10,555", "Der Betrag der Rückzahlung darf höchstens zwei Nachkommastellen (Cent) haben.")]
    [InlineData("zehn", "Bitte geben Sie den Betrag in Euro und Cent an, z. B. 250,00.")]
    [InlineData("", "Bitte geben Sie den Betrag in Euro und Cent an, z. B. 250,00.")]
    public async Task Bad_amounts_are_refused_in_German_the_form_is_kept_and_nothing_is_written(string amount, string message)
    {
        var account = await factory.CreateAccountAsync($"Konto Falscher Betrag {amount}", deposit: 8000m);
        var client = await StaffAsync();
        var before = await factory.LoadSponsorshipAsync(account.Sponsorship);

        var response = await client.PostFormAsync(Url(account.Sponsorship), Form(amount, "Mein Verwendungszweck"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError(message);
        page.ValueOf("Input.Amount").ShouldBe(amount);
        page.ValueOf("Input.Reference").ShouldBe("Mein Verwendungszweck");
        (await factory.EntriesAsync(account.Sponsorship)).ShouldHaveSingleItem().Kind.ShouldBe(EscrowEntryKind.Deposit);
        (await factory.LoadSponsorshipAsync(account.Sponsorship)).ConcurrencyStamp.ShouldBe(before.ConcurrencyStamp);
    }

    [Fact]
    public async Task Without_confirmation_or_reference_nothing_is_refunded()
    {
        var account = await factory.CreateAccountAsync("Konto Ohne Bestätigung", deposit: 8000m);
        var client = await StaffAsync();

        var response = await client.PostFormAsync(Url(account.Sponsorship), Form("50", reference: "", confirmed: false));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Bitte bestätigen Sie, dass der Betrag an die Gruppe überwiesen wird.");
        page.ShouldShowError("Verwendungszweck");
        (await factory.EntriesAsync(account.Sponsorship)).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_get_403_and_nothing_is_refunded(string role)
    {
        var account = await factory.CreateAccountAsync($"Konto Rolle Rückzahlung {role}", deposit: 8000m);
        var client = await factory.SignedInAsAsync(role);

        await client.PostWithTokenAsync(Url(account.Sponsorship), new Dictionary<string, string>(Form("100"))
        {
            ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        }).ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        (await factory.EntriesAsync(account.Sponsorship)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Unknown_account_is_404()
    {
        var client = await StaffAsync();
        await client.GetAsync(Url(999_999)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }
}
