using Microsoft.Playwright;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Banking;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Banking.TestStatements;

namespace NestPortal.Browser.Tests;

/// <summary>
/// Reconciliation (ADR 0025): a competence-centre clerk uploads the rent account's statement from online banking and sees the
/// months the bank confirmed and the one month whose debit differs (600 € instead of 650 €). axe-checked
/// pages, the reconciliation page in a laptop's and a phone's window.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconciliationJourneyTests(BrowserHost host)
{
    [Fact]
    public async Task Clerk_uploads_a_statement_and_sees_the_months_confirmed_and_one_difference()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var clerkEmail = $"kfi-abgleich-{suffix}@bra.nrw.invalid";
        var today = TestGroups.Today;
        await host.CreateUserAsync(clerkEmail, "Sabine Sachbearbeiterin", Roles.CompetenceCentre);
        var (id, months) = await host.Factory.PaidAccountAsync($"Abgleich Hörde {suffix}");
        var statement = Camt053(TestHouseholds.ValidIban, 7_800m - 1_900m, months[0], today,
            new TestBooking("D1", 7_800m, today, GroupIban, "Mietkaution"), RentDebit(months[0], today), RentDebit(months[1], today),
            RentDebit(months[2], today, rent: 600m));

        var clerk = await host.NewPageAsync();
        await host.SignInAsync(clerk, clerkEmail, BrowserHost.TestPassword);
        await host.EnrolAuthenticatorAsync(clerk, clerkEmail);
        await clerk.GotoAsync($"/Escrow/Account/{id}");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Abgleich mit Kontoauszügen" }).ClickAsync();
        await BrowserHost.AssertAccessibleAsync(clerk);
        (await clerk.Locator("main").TextContentAsync())!.ShouldContain("noch kein Kontoauszug hochgeladen");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Kontoauszug hochladen" }).ClickAsync();
        await BrowserHost.AssertAccessibleAsync(clerk);
        await clerk.GetByLabel("Kontoauszug (XML, höchstens 10 MB)").SetInputFilesAsync(
            new FilePayload { Name = "camt053.xml", MimeType = "application/xml", Buffer = statement });
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Hochladen und abgleichen" }).ClickAsync();

        await Assertions.Expect(clerk.Locator("[data-state='Confirmed']")).ToHaveCountAsync(2);
        var third = clerk.Locator($"[data-month='{months[2]:yyyy-MM}']");
        await Assertions.Expect(third).ToHaveAttributeAsync("data-state", "Expected");
        await Assertions.Expect(third.Locator("[data-fact='difference']")).ToHaveTextAsync("-650,00\u00A0€");
        await Assertions.Expect(clerk.Locator("[data-bank-entry]")).ToBeVisibleAsync();
        (await clerk.Locator("main").TextContentAsync())!.ShouldContain("4 neue Buchungen, 0 bereits bekannt, 3 zugeordnet");
        await BrowserHost.AssertAccessibleAndFitsAsync(clerk);
    }
}
