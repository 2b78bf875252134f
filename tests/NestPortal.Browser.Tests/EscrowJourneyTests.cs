using Microsoft.Playwright;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Browser.Tests;

/// <summary>
/// Steps 6 and 9 of a sponsorship's life: a competence-centre clerk books the group's deposit on the
/// escrow account, the group's mentor reads the statement, the clerk records a rent increase, and the
/// mentor's group page warns of the shortfall. Every page is checked by axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EscrowJourneyTests(BrowserHost host)
{
    private const string Dortmund = "05913000";

    [Fact]
    public async Task Clerk_books_a_deposit_the_mentor_reads_the_statement_and_after_a_rent_rise_sees_the_shortfall()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var clerkEmail = $"kfi-konto-{suffix}@bra.nrw.invalid";
        var mentorEmail = $"mentor-konto-{suffix}@beispiel.invalid";
        var groupName = $"Mietkonto Hörde {suffix}";
        var today = TestGroups.Today;
        await host.CreateUserAsync(clerkEmail, "Sabine Sachbearbeiterin", Roles.CompetenceCentre);
        var mentorId = await host.CreateUserAsync(mentorEmail, "Paula Patin", Roles.Mentor);
        var groupId = await host.Factory.CreateApprovedGroupAsync(mentorId, groupName, Dortmund, memberEmails: [mentorEmail]);
        var householdId = await host.Factory.CreateHouseholdAsync($"NesT-K{suffix}");
        // Permanent rules: 12 months of 650 € from this month, so 7,800 € are required.
        await host.Factory.MatchAsync(groupId, householdId, Dortmund, rent: 650m);

        // The clerk finds the account, sees it unfunded and books the group's deposit.
        var clerk = await host.NewPageAsync();
        await host.SignInAsync(clerk, clerkEmail, BrowserHost.TestPassword);
        await host.EnrolAuthenticatorAsync(clerk, clerkEmail);
        await clerk.GotoAsync("/Escrow");
        await Checked(clerk);
        await clerk.GetByLabel("Suche (Gruppe, Aktenzeichen der Familie)").FillAsync(groupName);
        await clerk.Locator("main form").GetByRole(AriaRole.Button).First.ClickAsync();
        await Checked(clerk);
        await clerk.GetByRole(AriaRole.Link, new() { Name = groupName }).ClickAsync();
        await Checked(clerk);
        (await MainText(clerk)).ShouldContain("7.800,00");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Einzahlung buchen" }).ClickAsync();
        await Checked(clerk);
        await clerk.GetByLabel("Betrag in €").FillAsync("7800,00");
        await clerk.GetByLabel("Wertstellung").FillAsync(today.Iso());
        await clerk.GetByLabel("Verwendungszweck / Bankreferenz").FillAsync($"Mietkonto {groupName}");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Einzahlung buchen" }).ClickAsync();
        await Checked(clerk);
        var account = await MainText(clerk);
        account.ShouldContain("+7.800,00");
        account.ShouldNotContain("Es fehlen");
        var accountUrl = clerk.Url;

        // The mentor reads the statement: the deposit, nothing missing.
        var mentor = await host.NewPageAsync();
        await host.SignInAsync(mentor, mentorEmail, BrowserHost.TestPassword);
        await mentor.GotoAsync("/Groups");
        await Checked(mentor);
        await mentor.GetByRole(AriaRole.Link, new() { Name = groupName }).ClickAsync();
        await Checked(mentor);
        (await MainText(mentor)).ShouldNotContain("Das Mietkonto ist nicht gedeckt");
        await mentor.GetByRole(AriaRole.Link, new() { Name = "Kontoauszug Mietkonto" }).ClickAsync();
        await Checked(mentor);
        var statement = await MainText(mentor);
        statement.ShouldContain($"Mietkonto {groupName}");
        statement.ShouldContain("7.800,00");

        // The landlord raises the rent from next month: the clerk records it.
        await clerk.GotoAsync(accountUrl);
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Mietänderung erfassen" }).ClickAsync();
        await Checked(clerk);
        var nextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        await clerk.GetByLabel("Gilt ab Monat").FillAsync($"{nextMonth:yyyy-MM}");
        await clerk.GetByLabel("Neue Nettokaltmiete monatlich in €").FillAsync("700,00");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Mietänderung speichern" }).ClickAsync();
        await Checked(clerk);
        // Eleven months at 50 € more: 550 € missing.
        (await MainText(clerk)).ShouldContain("550,00");

        // The mentor's group page now warns, and the statement says how much is missing.
        await mentor.GotoAsync("/Groups");
        await mentor.GetByRole(AriaRole.Link, new() { Name = groupName }).ClickAsync();
        await Checked(mentor);
        var warning = (await mentor.Locator(".shortfall-warning").TextContentAsync())!;
        warning.ShouldContain("Das Mietkonto ist nicht gedeckt");
        warning.ShouldContain("550,00");
        await mentor.GetByRole(AriaRole.Link, new() { Name = "Kontoauszug ansehen" }).ClickAsync();
        await Checked(mentor);
        (await MainText(mentor)).ShouldContain("550,00");
    }

    private static async Task<string> MainText(IPage page) => (await page.Locator("main").TextContentAsync())!;

    private static Task Checked(IPage page) => BrowserHost.AssertAccessibleAsync(page);
}
