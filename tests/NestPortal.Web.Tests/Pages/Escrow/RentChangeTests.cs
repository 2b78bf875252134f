using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Common;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Escrow;

public sealed class RentChangeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Mailbox = "kfi@nestportal.invalid";
    private static DateOnly ThisMonth => Months.FirstOf(TestGroups.Today);
    private static string Url(int id) => $"/Escrow/RentChange/{id}";
    private static string MonthInput(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private Task<HttpClient> StaffAsync() => factory.SignedInAsAsync(Roles.CompetenceCentre);

    private static Dictionary<string, string> Form(string month, string rent) => new() { ["Input.EffectiveMonth"] = month, ["Input.Rent"] = rent };

    private Task<int> RentChangesAsync(int id) => factory.QueryAsync(db => db.RentChanges.CountAsync(c => c.SponsorshipId == id));
    private Task<int> MailsAsync() => factory.QueryAsync(db => db.OutgoingMails.CountAsync());

    /// <summary>Four members, the first two main contacts, with addresses the test knows.</summary>
    private static string[] Members(string tag) => [.. Enumerable.Range(1, 4).Select(i => $"mitglied{i}.{tag}@beispiel.invalid")];

    [Fact]
    public async Task An_increase_that_underfunds_the_account_is_saved_and_mailed_to_the_active_main_contacts_and_the_mailbox()
    {
        var members = Members("unterdeckt");
        var account = await factory.CreateAccountAsync("Konto Mieterhöhung", deposit: 7800m, memberEmails: members);
        var client = await StaffAsync();

        var response = await client.PostFormAsync(Url(account.Sponsorship), Form(MonthInput(ThisMonth.AddMonths(1)), "700,00"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Escrow/Account/{account.Sponsorship}");
        var change = await factory.QueryAsync(db => db.RentChanges.AsNoTracking().SingleAsync(c => c.SponsorshipId == account.Sponsorship));
        change.EffectiveMonth.ShouldBe(ThisMonth.AddMonths(1));
        change.MonthlyNetColdRent.ShouldBe(700.00m);
        // 650 € for this month and 11 × 700 € = 8,350 € against 7,800 €.
        (await factory.LoadSponsorshipAsync(account.Sponsorship)).EscrowShortfall.ShouldBe(550.00m);

        var mails = await factory.QueryAsync(db => db.OutgoingMails.AsNoTracking().Where(m => m.Subject.Contains(account.Reference)).ToListAsync());
        mails.Select(m => m.To).Order().ShouldBe(new[] { members[0], members[1], Mailbox }.Order());
        foreach (var mail in mails)
        {
            mail.Subject.ShouldBe($"Mietkonto der Familie {account.Reference}: Es fehlen 550,00\u00A0€");
            mail.TextBody.ShouldContain(account.Reference);
            mail.TextBody.ShouldContain("700,00\u00A0€");
            mail.TextBody.ShouldContain("Es fehlen 550,00\u00A0€ für die noch 12 offenen Monate.");
            mail.EventKey.ShouldBe($"shortfall:{account.Sponsorship}:550.00");
        }

        // The same shortfall is one event: the group's contacts and the competence centre see it once in their lists too.
        (await factory.QueryAsync(db => db.PortalMessages.CountAsync(m => m.EventKey == $"shortfall:{account.Sponsorship}:550.00" && m.RecipientKey == "competence-centre")))
            .ShouldBe(1);
    }

    [Fact]
    public async Task A_main_contact_who_left_is_not_mailed()
    {
        var members = Members("ausgeschieden");
        var account = await factory.CreateAccountAsync("Konto Ausgeschieden", deposit: 7800m, memberEmails: members);
        await factory.ExecuteAsync(async db =>
        {
            var group = await db.MentoringGroups.Include(g => g.Members).SingleAsync(g => g.Id == account.Group);
            group.RecordMemberLeaving(group.Members.Single(m => m.Email == members[1]).Id, TestGroups.Today, "Umzug", TestGroups.Today,
                TestHouseholds.Clerk, TestClock.UtcNow);
            await db.SaveChangesAsync();
        });
        var client = await StaffAsync();

        var response = await client.PostFormAsync(Url(account.Sponsorship), Form(MonthInput(ThisMonth), "800"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var recipients = await factory.QueryAsync(db => db.OutgoingMails.Where(m => m.Subject.Contains(account.Reference)).Select(m => m.To).ToListAsync());
        recipients.Order().ShouldBe(new[] { members[0], Mailbox }.Order());
    }

    [Fact]
    public async Task A_change_the_account_still_covers_queues_no_mail()
    {
        var account = await factory.CreateAccountAsync("Konto Gedeckt", deposit: 9000m);
        var client = await StaffAsync();
        var mailsBefore = await MailsAsync();

        var response = await client.PostFormAsync(Url(account.Sponsorship), Form(ThisMonth.AddMonths(1).ToString("MM.yyyy", CultureInfo.InvariantCulture), "700"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RentChangesAsync(account.Sponsorship)).ShouldBe(1);
        (await factory.LoadSponsorshipAsync(account.Sponsorship)).EscrowShortfall.ShouldBe(0m);
        (await MailsAsync()).ShouldBe(mailsBefore);
    }

    [Fact]
    public async Task The_same_form_submitted_twice_changes_the_rent_once_and_mails_once()
    {
        var account = await factory.CreateAccountAsync("Konto Doppelte Änderung", deposit: 7800m);
        var client = await StaffAsync();

        var (first, second) = await client.SubmitTwiceAsync(Url(account.Sponsorship), Form(MonthInput(ThisMonth.AddMonths(2)), "720"));

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.ReadHtmlAsync()).ShouldShowError("Auf dem Mietkonto wurde inzwischen gebucht.");
        (await RentChangesAsync(account.Sponsorship)).ShouldBe(1);
        (await factory.QueryAsync(db => db.OutgoingMails.CountAsync(m => m.Subject.Contains(account.Reference)))).ShouldBe(3);
    }

    public static TheoryData<int, string, string> BadInput => new()
    {
        { -1, "650", "liegt vor dem Mietbeginn" },
        { 12, "650", "liegt nach dem letzten Monat, für den Miete gezahlt wird" },
        { 0, "0", "Die neue Nettokaltmiete muss größer als 0 € sein." },
        { 0, "-700", "Die neue Nettokaltmiete muss größer als 0 € sein." },
        { 0, "700,555", "Die neue Nettokaltmiete darf höchstens zwei Nachkommastellen (Cent) haben." },
        { 0, "siebenhundert", "Bitte geben Sie die Nettokaltmiete in Euro und Cent an, z. B. 650,50." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_in_German_the_form_is_kept_and_nothing_is_written_or_mailed(int monthOffset, string rent, string message)
    {
        var account = await factory.CreateAccountAsync($"Konto Falsche Änderung {monthOffset} {rent}", deposit: 100m);
        var client = await StaffAsync();
        var mailsBefore = await MailsAsync();
        var before = await factory.LoadSponsorshipAsync(account.Sponsorship);
        var month = MonthInput(ThisMonth.AddMonths(monthOffset));

        var response = await client.PostFormAsync(Url(account.Sponsorship), Form(month, rent));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError(message);
        page.ValueOf("Input.Rent").ShouldBe(rent);
        page.ValueOf("Input.EffectiveMonth").ShouldBe(month);
        (await RentChangesAsync(account.Sponsorship)).ShouldBe(0);
        (await MailsAsync()).ShouldBe(mailsBefore);
        (await factory.LoadSponsorshipAsync(account.Sponsorship)).ConcurrencyStamp.ShouldBe(before.ConcurrencyStamp);
    }

    [Theory]
    [InlineData("")]
    [InlineData("13.2027")]
    [InlineData("März")]
    public async Task A_month_that_is_no_month_is_refused(string month)
    {
        var account = await factory.CreateAccountAsync($"Konto Kein Monat {month}", deposit: 7800m);
        var client = await StaffAsync();

        var response = await client.PostFormAsync(Url(account.Sponsorship), Form(month, "700"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("Bitte geben Sie den Monat an, ab dem die neue Miete gilt, z. B. 03.2027.");
        (await RentChangesAsync(account.Sponsorship)).ShouldBe(0);
    }

    [Fact]
    public async Task A_change_from_a_month_already_paid_is_refused()
    {
        var account = await factory.CreateAccountAsync("Konto Schon Gezahlt", monthsAgo: 1, deposit: 7800m);
        await factory.PayRentAsync(account.Sponsorship, ThisMonth.AddMonths(-1));
        var client = await StaffAsync();
        var mailsBefore = await MailsAsync();

        var response = await client.PostFormAsync(Url(account.Sponsorship), Form(MonthInput(ThisMonth.AddMonths(-1)), "900"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("ist bereits gezahlt; eine Änderung kann erst für den ersten noch offenen Monat gelten.");
        (await RentChangesAsync(account.Sponsorship)).ShouldBe(0);
        (await MailsAsync()).ShouldBe(mailsBefore);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_get_403_and_nothing_changes(string role)
    {
        var account = await factory.CreateAccountAsync($"Konto Rolle Änderung {role}", deposit: 7800m);
        var client = await factory.SignedInAsAsync(role);

        await client.PostWithTokenAsync(Url(account.Sponsorship), Form(MonthInput(ThisMonth), "900"))
            .ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        (await RentChangesAsync(account.Sponsorship)).ShouldBe(0);
    }
}
