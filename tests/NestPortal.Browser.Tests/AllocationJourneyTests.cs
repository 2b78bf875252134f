using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Browser.Tests;

/// <summary>
/// Steps 4–8 of a sponsorship's life, by three people in three browsers: a competence-centre clerk
/// records a household, matches it with an approved group and its flat, and allocates it; the
/// municipality (with TOTP) sees it on its dashboard, opens it and acknowledges the decision; the
/// group's mentor sees their household. The decision letter is downloaded as PDF by the clerk and
/// opened and downloaded by the municipality, the same bytes each time. Every page is checked by axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AllocationJourneyTests(BrowserHost host)
{
    private const string Password = BrowserHost.TestPassword;
    private const string Dortmund = "05913000";

    [Fact]
    public async Task Clerk_matches_and_allocates_a_household_the_municipality_acknowledges_it_and_the_mentor_sees_it()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var clerkEmail = $"kfi-{suffix}@bra.nrw.invalid";
        var municipalityEmail = $"kommune-{suffix}@dortmund.invalid";
        var mentorEmail = $"mentor-{suffix}@beispiel.invalid";
        var groupName = $"Nachbarschaft Hörde {suffix}";
        var reference = $"NesT-{suffix}";
        var today = TestGroups.Today;
        await host.CreateUserAsync(clerkEmail, "Sabine Sachbearbeiterin", Roles.CompetenceCentre);
        await host.CreateUserAsync(municipalityEmail, "Mehmet Meldestelle", Roles.Municipality, Dortmund);
        var mentorId = await host.CreateUserAsync(mentorEmail, "Paula Patin", Roles.Mentor);
        await host.Factory.CreateApprovedGroupAsync(mentorId, groupName, Dortmund, memberEmails: [mentorEmail]);

        // The clerk records the household and its first person.
        var clerk = await host.NewPageAsync();
        await host.SignInAsync(clerk, clerkEmail, Password);
        await host.EnrolAuthenticatorAsync(clerk, clerkEmail);
        await clerk.GotoAsync("/Households");
        await Checked(clerk);
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Familie erfassen" }).ClickAsync();
        await Checked(clerk);
        await clerk.GetByLabel("Aktenzeichen der Familie").FillAsync(reference);
        await clerk.GetByLabel("Erwartete Ankunft").FillAsync(today.AddDays(21).Iso());
        await clerk.GetByLabel("Besondere Bedarfe").FillAsync("Rollstuhl; Wohnung im Erdgeschoss nötig.");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Familie anlegen" }).ClickAsync();
        await Checked(clerk);
        (await clerk.Locator("h1").TextContentAsync())!.ShouldContain(reference);

        await clerk.GetByRole(AriaRole.Link, new() { Name = "Person hinzufügen" }).ClickAsync();
        await Checked(clerk);
        await clerk.GetByLabel("Vorname").FillAsync("Amina");
        await clerk.GetByLabel("Familienname").FillAsync("Haddad");
        await clerk.GetByLabel("Geburtsdatum").FillAsync("1988-03-14");
        await clerk.GetByLabel("Geschlecht").SelectOptionAsync("Female");
        await clerk.GetByLabel("Staatsangehörigkeit").SelectOptionAsync("SY");
        await clerk.GetByLabel("Erstaufnahmeland").SelectOptionAsync("LB");
        await clerk.GetByLabel("Datum der Aufnahmezusage").FillAsync(today.AddMonths(-3).Iso());
        await clerk.GetByLabel("Aktenzeichen der Aufnahmezusage").FillAsync($"BAMF-{suffix}");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Person eintragen" }).ClickAsync();
        await Checked(clerk);
        (await clerk.Locator("main").TextContentAsync())!.ShouldContain("Amina Haddad");

        // BAMF's match: the approved group, the flat, the escrow account; checked, then saved.
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Mit Gruppe und Wohnung vermitteln" }).ClickAsync();
        await Checked(clerk);
        var group = await clerk.Locator("#Input_GroupId option", new() { HasText = groupName }).GetAttributeAsync("value");
        await clerk.Locator("#Input_GroupId").SelectOptionAsync(group!);
        await clerk.GetByLabel("Straße und Hausnummer").FillAsync("Hörder Bahnhofstraße 12");
        await clerk.GetByLabel("Postleitzahl").FillAsync("44263");
        await clerk.GetByLabel("Ort").FillAsync("Dortmund");
        await clerk.GetByLabel("Kommune der Wohnung").FillAsync(Dortmund);
        await clerk.GetByLabel("Wohnfläche in m²").FillAsync("64,5");
        await clerk.GetByLabel("Zimmer").FillAsync("2,5");
        await clerk.GetByLabel("Nettokaltmiete monatlich in €").FillAsync("612,50");
        await clerk.GetByLabel("Mietbeginn").FillAsync(new DateOnly(today.Year, today.Month, 1).Iso());
        await clerk.GetByLabel("Kontoinhaber").FillAsync("Nachbarschaft Hörde e. V. – Mietkonto");
        await clerk.GetByLabel("IBAN").FillAsync("DE89 3704 0044 0532 0130 00");
        await clerk.GetByLabel("Bank").FillAsync("Sparkasse Dortmund");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Prüfen" }).ClickAsync();
        await Checked(clerk);
        (await clerk.Locator("main").TextContentAsync())!.ShouldContain("612,50");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Vermittlung speichern" }).ClickAsync();
        await Checked(clerk);
        var sponsorship = (await clerk.Locator("main").TextContentAsync())!;
        sponsorship.ShouldContain(groupName);
        sponsorship.ShouldContain("DE89 3704 0044 0532 0130 00");

        // The Zuweisungsentscheidung, to the flat's municipality by default, and its letter.
        await clerk.GotoAsync("/Allocations");
        await Checked(clerk);
        await clerk.Locator("main tr", new() { HasText = reference }).GetByRole(AriaRole.Link).Last.ClickAsync();
        await Checked(clerk);
        (await clerk.GetByLabel("Kommune").InputValueAsync()).ShouldContain(Dortmund);
        await clerk.GetByLabel("Aktenzeichen").FillAsync($"36.1-{suffix}");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Entscheidung speichern" }).ClickAsync();
        await Checked(clerk);
        var letter = (await clerk.Locator("main").TextContentAsync())!;
        letter.ShouldContain("Zuweisungsentscheidung");
        (await clerk.Locator(".letter-persons tbody tr").First.InnerTextAsync()).ShouldContain("Haddad\tAmina\t14.03.1988");
        letter.ShouldContain($"36.1-{suffix}");
        // The letter as sent: the PDF stored with the decision (ADR 0023).
        await BrowserHost.AssertAccessibleAndFitsAsync(clerk);
        var download = await clerk.RunAndWaitForDownloadAsync(() => clerk.GetByRole(AriaRole.Link, new() { Name = "Brief als PDF herunterladen" }).ClickAsync());
        download.SuggestedFilename.ShouldBe($"Zuweisungsentscheidung-36.1-{suffix}.pdf");
        var sent = await PdfBytesAsync(download);
        System.Text.Encoding.ASCII.GetString(sent, 0, 5).ShouldBe("%PDF-");

        // The municipality: second factor, dashboard, household, acknowledgement.
        var municipality = await host.NewPageAsync();
        await host.SignInAsync(municipality, municipalityEmail, Password);
        await host.EnrolAuthenticatorAsync(municipality, municipalityEmail);
        await municipality.GotoAsync("/MyMunicipality");
        await Checked(municipality);
        var arrivals = (await municipality.Locator("#arrivals").TextContentAsync())!;
        arrivals.ShouldContain(reference);
        await municipality.Locator("#allocated").GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Checked(municipality);
        var household = (await municipality.Locator("main").TextContentAsync())!;
        household.ShouldContain("Amina Haddad");
        household.ShouldContain("Hörder Bahnhofstraße 12");
        household.ShouldNotContain("Rollstuhl");
        // The municipality opens the letter addressed to it (inline) and downloads it: the same bytes the clerk got.
        await BrowserHost.AssertAccessibleAndFitsAsync(municipality);
        var opened = await municipality.Context.APIRequest.GetAsync(
            (await municipality.GetByRole(AriaRole.Link, new() { Name = "Brief als PDF öffnen" }).GetAttributeAsync("href"))!);
        opened.Headers["content-type"].ShouldBe("application/pdf");
        opened.Headers["content-disposition"].ShouldStartWith("inline");
        (await opened.BodyAsync()).ShouldBe(sent);
        var received = await municipality.RunAndWaitForDownloadAsync(() => municipality.GetByRole(AriaRole.Link, new() { Name = "Brief als PDF herunterladen" }).ClickAsync());
        (await PdfBytesAsync(received)).ShouldBe(sent);
        await municipality.GetByLabel("Die Zuweisungsentscheidung liegt meiner Kommune vor.").CheckAsync();
        await municipality.GetByRole(AriaRole.Button, new() { Name = "Eingang bestätigen" }).ClickAsync();
        await Checked(municipality);
        (await municipality.Locator("main").TextContentAsync())!.ShouldContain("Mehmet Meldestelle");

        // The mentor sees their household, without the competence centre's note.
        var mentor = await host.NewPageAsync();
        await host.SignInAsync(mentor, mentorEmail, Password);
        await mentor.GotoAsync("/Groups");
        await Checked(mentor);
        await mentor.GetByRole(AriaRole.Link, new() { Name = groupName }).ClickAsync();
        await Checked(mentor);
        await mentor.GetByRole(AriaRole.Link, new() { Name = "Ihre Familie: Personen, Wohnung, Verpflichtungen" }).ClickAsync();
        await Checked(mentor);
        var own = (await mentor.Locator("main").TextContentAsync())!;
        own.ShouldContain("Amina Haddad");
        own.ShouldContain("Hörder Bahnhofstraße 12");
        own.ShouldNotContain("Rollstuhl");
    }

    private static Task Checked(IPage page) => BrowserHost.AssertAccessibleAsync(page);

    private static async Task<byte[]> PdfBytesAsync(IDownload download)
    {
        await using var stream = await download.CreateReadStreamAsync();
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        return bytes.ToArray();
    }
}
