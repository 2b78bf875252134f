using System.Net;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Escrow;

public sealed class CorrectTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => TestGroups.Today;
    private static string Url(int id, int entryId) => $"/Escrow/Correct/{id}?entryId={entryId}";

    private static Dictionary<string, string> Correction(string reason = "Betrag falsch abgelesen", bool confirmed = true) => new()
    {
        ["Input.Reason"] = reason,
        ["Input.Confirmed"] = confirmed ? "true" : "false",
    };

    [Fact]
    public async Task Staff_reverse_a_deposit_with_a_correction_that_names_it()
    {
        var id = await factory.SponsorshipAsync("Korrektur Glücklich");
        var deposit = await factory.DepositAsync(id, 1000m);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var form = await client.GetPageAsync(Url(id, deposit));
        var shown = form.QuerySelector("[data-fact='entry']")!.TextContent;
        shown.ShouldContain($"#{deposit}");
        shown.ShouldContain("Einzahlung");
        shown.ShouldContain("+1.000,00\u00A0€");
        form.QuerySelector("[data-fact='reversal']")!.TextContent.ShouldBe("-1.000,00\u00A0€");
        var response = await client.PostFormAsync(Url(id, deposit), Correction());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Escrow/Account/{id}");
        var entries = await factory.EntriesAsync(id);
        entries.Count.ShouldBe(2);
        var correction = entries[1];
        correction.Kind.ShouldBe(EscrowEntryKind.Correction);
        correction.CorrectsEntryId.ShouldBe(deposit);
        correction.Amount.ShouldBe(-1000m);
        correction.Reference.ShouldBe("Betrag falsch abgelesen");
        correction.ValueDate.ShouldBe(Today);
        (await factory.LoadSponsorshipAsync(id)).EscrowBalance.ShouldBe(0m);
        (await client.GetPageAsync(response.Location())).MainText().ShouldContain("Die Korrektur ist gebucht.");
    }

    [Fact]
    public async Task Without_confirmation_nothing_is_booked_and_the_reason_is_kept()
    {
        var id = await factory.SponsorshipAsync("Korrektur Unbestätigt");
        var deposit = await factory.DepositAsync(id, 300m);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.PostFormAsync(Url(id, deposit), Correction(confirmed: false));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Bitte bestätigen Sie, dass diese Buchung durch eine Gegenbuchung aufgehoben werden soll.");
        page.ValueOf("Input.Reason").ShouldBe("Betrag falsch abgelesen");
        (await factory.EntryCountAsync(id)).ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_reason_the_ledger_refuses()
    {
        var id = await factory.SponsorshipAsync("Korrektur Ohne Grund");
        var deposit = await factory.DepositAsync(id, 300m);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.PostFormAsync(Url(id, deposit), Correction(reason: "  "));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("Bitte begründen Sie die Korrektur (höchstens 140 Zeichen).");
        (await factory.EntryCountAsync(id)).ShouldBe(1);
    }

    [Fact]
    public async Task A_correction_cannot_be_corrected()
    {
        var id = await factory.SponsorshipAsync("Korrektur Der Korrektur");
        var deposit = await factory.DepositAsync(id, 500m);
        var correction = (await factory.BookAsync(id, (s, actor, now) => s.Correct(deposit, "erste Korrektur", Today, actor, now))).Id;
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.PostFormAsync(Url(id, correction), Correction("zurück"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Eine Korrektur kann nicht korrigiert werden; buchen Sie den richtigen Betrag neu.");
        page.ValueOf("Input.Reason").ShouldBe("zurück");
        (await factory.EntryCountAsync(id)).ShouldBe(2);
    }

    [Fact]
    public async Task An_entry_of_another_account_is_not_shown_and_cannot_be_corrected()
    {
        var id = await factory.SponsorshipAsync("Korrektur Eigenes Konto");
        var own = await factory.DepositAsync(id, 400m);
        var other = await factory.SponsorshipAsync("Korrektur Fremdes Konto");
        var foreign = await factory.DepositAsync(other, 900m, "Fremde Referenz XY-77");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var body = await client.GetAsync(Url(id, foreign)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        body.ShouldNotReveal("Fremde Referenz XY-77");

        // The form of an own entry, its entry id swapped for the other account's.
        var response = await client.PostFormAsync(Url(id, own), new Dictionary<string, string>(Correction())
        {
            ["EntryId"] = foreign.ToString(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Diese Buchung gehört nicht zu diesem Mietkonto.");
        page.DocumentElement.OuterHtml.ShouldNotContain("Fremde Referenz XY-77");
        (await factory.EntryCountAsync(id)).ShouldBe(1);
        (await factory.EntryCountAsync(other)).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_form_submitted_twice_books_one_correction()
    {
        var id = await factory.SponsorshipAsync("Korrektur Doppelklick");
        var deposit = await factory.DepositAsync(id, 800m);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var form = await client.OpenFormAsync(Url(id, deposit));

        var first = await client.SubmitAsync(Url(id, deposit), form, Correction());
        var second = await client.SubmitAsync(Url(id, deposit), form, Correction());

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.EntriesAsync(id)).Count(e => e.Kind == EscrowEntryKind.Correction).ShouldBe(1);
    }

    [Fact]
    public async Task Two_staff_correcting_on_the_same_version_the_second_is_told()
    {
        var id = await factory.SponsorshipAsync("Korrektur Gleichzeitig");
        var first = await factory.DepositAsync(id, 100m);
        var second = await factory.DepositAsync(id, 200m);
        var anna = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var bert = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var annasForm = await anna.OpenFormAsync(Url(id, first));
        var bertsForm = await bert.OpenFormAsync(Url(id, second));

        (await anna.SubmitAsync(Url(id, first), annasForm, Correction("Anna"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await bert.SubmitAsync(Url(id, second), bertsForm, Correction("Bert"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("Auf dem Mietkonto wurde inzwischen gebucht.");
        var corrections = (await factory.EntriesAsync(id)).Where(e => e.Kind == EscrowEntryKind.Correction).ToList();
        corrections.ShouldHaveSingleItem().CorrectsEntryId.ShouldBe(first);
        (await factory.LoadSponsorshipAsync(id)).EscrowBalance.ShouldBe(200m);
    }

    [Fact]
    public async Task Unknown_account_or_entry_is_404()
    {
        var id = await factory.SponsorshipAsync("Korrektur Unbekannt");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        await client.GetAsync(Url(999_999, 1)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.GetAsync(Url(id, 999_999)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.GetAsync($"/Escrow/Correct/{id}").ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.PostWithTokenAsync(Url(999_999, 1), new Dictionary<string, string>(Correction())
        {
            ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        }).ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_get_403_and_book_nothing(string role)
    {
        var id = await factory.SponsorshipAsync($"Korrektur Rolle {role}");
        var deposit = await factory.DepositAsync(id, 100m, "Geheime Referenz");
        var client = await factory.SignedInAsAsync(role);

        await client.PostWithTokenAsync(Url(id, deposit), new Dictionary<string, string>(Correction())
        {
            ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        }).ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        (await factory.EntryCountAsync(id)).ShouldBe(1);
    }
}
