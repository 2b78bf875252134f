using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Allocations;

public sealed class PrintTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => TestGroups.Today;

    // Hamm's demo address is removed by the one test that needs a municipality without one.
    private const string Bochum = "05911000", Hamm = "05915000";

    private async Task<int> AllocatedAsync(string name, string fileReference, string ags = Bochum, string familyName = "Karimi")
    {
        var household = await factory.CreateHouseholdAsync(familyName: familyName, specialNeedsNote: "Diabetes");
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), name);
        await factory.MatchAsync(group, household);
        await factory.AllocateAsync(household, ags: ags, fileReference: fileReference);
        return household;
    }

    private async Task<int> AllocationIdAsync(int householdId) => (await factory.LoadHouseholdAsync(householdId)).Allocations.Single().Id;

    [Fact]
    public async Task Letter_names_the_municipality_the_persons_the_dates_and_the_legal_basis()
    {
        var householdId = await AllocatedAsync("Brief Inhalt", "36.1-BRIEF-1");
        var household = await factory.LoadHouseholdAsync(householdId);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync($"/Allocations/Print/{household.Allocations.Single().Id}");

        var letter = page.QuerySelector("article.decision-letter")!;
        letter.GetAttribute("lang").ShouldBe("de");
        var text = System.Text.RegularExpressions.Regex.Replace(letter.TextContent, @"\s+", " ");
        text.ShouldContain("Bezirksregierung Arnsberg – Kompetenzzentrum für Integration");
        text.ShouldContain("Seibertzstraße 1 · 59821 Arnsberg");
        // The demo's address of Bochum's administration (the town hall's postcode from the register).
        text.ShouldContain("Stadt Bochum – Der Oberbürgermeister Willy-Brandt-Platz 2–6 44787 Bochum");
        text.ShouldNotContain("Bochum, Stadt");
        text.ShouldContain("Aktenzeichen: 36.1-BRIEF-1");
        text.ShouldContain($"Datum: {Today.German()}");
        text.ShouldContain($"mit Wirkung vom {Today.German()}");
        text.ShouldContain("§ 16 Teilhabe- und Integrationsgesetz NRW");
        text.ShouldContain("Rechtsbehelfsbelehrung");
        text.ShouldContain("innerhalb eines Monats nach Bekanntgabe Klage");
        text.ShouldContain("Im Auftrag");
        foreach (var person in household.Persons)
        {
            text.ShouldContain(person.GivenName);
            text.ShouldContain(person.DateOfBirth.German());
        }

        text.ShouldNotContain("ersetzt");
        text.ShouldNotContain("Diabetes");
        page.QuerySelector("#letter-download")!.GetAttribute("href").ShouldBe($"/Allocations/Print/{household.Allocations.Single().Id}?download=true&handler=Pdf");
    }

    [Fact]
    public async Task Pdf_letter_read_back_names_sender_addressee_address_reference_legal_basis_remedy_and_persons()
    {
        var householdId = await AllocatedAsync("Brief PDF", "36.1-PDF-ÄÖÜß-2", familyName: "Müßig");
        var household = await factory.LoadHouseholdAsync(householdId);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.GetAsync($"/Allocations/Print/{household.Allocations.Single().Id}?handler=Pdf&download=true");

        var pdf = await response.PdfAsync();
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe("Zuweisungsentscheidung-36.1-PDF------2.pdf");
        var text = PdfText.Of(pdf);
        text.ShouldContain("Bezirksregierung Arnsberg – Kompetenzzentrum für Integration");
        text.ShouldContain("Seibertzstraße 1 · 59821 Arnsberg");
        text.ShouldContain("Stadt Bochum – Der Oberbürgermeister Willy-Brandt-Platz 2–6 44787 Bochum");
        text.ShouldNotContain("Bochum, Stadt");
        text.ShouldContain("Aktenzeichen: 36.1-PDF-ÄÖÜß-2");
        text.ShouldContain($"Datum: {Today.German()}");
        text.ShouldContain("Zuweisungsentscheidung");
        text.ShouldContain($"mit Wirkung vom {Today.German()} der Kommune Stadt Bochum");
        text.ShouldContain("Rechtsgrundlage § 16 Teilhabe- und Integrationsgesetz NRW (TIntG) in Verbindung mit § 24 Abs. 4 Aufenthaltsgesetz (AufenthG)");
        text.ShouldContain("Rechtsbehelfsbelehrung Gegen diese Entscheidung kann innerhalb eines Monats nach Bekanntgabe Klage erhoben werden.");
        text.ShouldContain("§ 110 Abs. 1 Justizgesetz Nordrhein-Westfalen");
        text.ShouldContain("Im Auftrag");
        foreach (var person in household.Persons)
            text.ShouldContain($"{person.FamilyName} {person.GivenName} {person.DateOfBirth.German()}");
        text.ShouldNotContain("Diabetes");

        // Tagged, with its language, and PDFsharp's PDF/A metadata (ADR 0023): the markers are in the file's own dictionaries.
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        raw.ShouldContain("/StructTreeRoot");
        raw.ShouldContain("/Lang");
        raw.ShouldContain("pdfaid:part");
    }

    [Fact]
    public async Task The_letter_is_stored_once_and_served_again_byte_for_byte()
    {
        var householdId = await AllocatedAsync("Brief Gleich", "36.1-GLEICH-3");
        var allocationId = await AllocationIdAsync(householdId);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var first = await (await client.GetAsync($"/Allocations/Print/{allocationId}?handler=Pdf")).PdfAsync();
        var second = await (await client.GetAsync($"/Allocations/Print/{allocationId}?handler=Pdf&download=true")).PdfAsync();

        second.ShouldBe(first);
        var stored = await factory.QueryAsync(db => db.Letters.AsNoTracking().Where(l => l.AllocationId == allocationId).ToListAsync());
        stored.Count.ShouldBe(1);
        stored[0].Content.ShouldBe(first);
        stored[0].Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(first)));
        stored[0].HouseholdId.ShouldBe(householdId);
        stored[0].AddresseeAgs.ShouldBe(Ags.Parse(Bochum));
    }

    [Fact]
    public async Task Without_the_administrations_address_the_page_says_what_is_missing_and_writes_no_letter()
    {
        await factory.ExecuteAsync(async db =>
        {
            var hamm = await db.Municipalities.SingleAsync(m => m.Ags == Ags.Parse(Hamm));
            hamm.RecordAdministrationContact(null, null);
            await db.SaveChangesAsync();
        });
        var householdId = await AllocatedAsync("Brief Ohne Anschrift", "36.1-OHNE-4", ags: Hamm);
        var allocationId = await AllocationIdAsync(householdId);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync($"/Allocations/Print/{allocationId}");
        var pdfRequest = await client.GetAsync($"/Allocations/Print/{allocationId}?handler=Pdf");

        page.QuerySelector("#missing-address")!.TextContent.ShouldContain("Für Hamm, Stadt fehlt die Postanschrift der Verwaltung: Straße, Postleitzahl und Ort.");
        page.QuerySelector("#missing-address a")!.GetAttribute("href").ShouldBe($"/Municipalities/Address/{Hamm}");
        page.QuerySelector("article.decision-letter").ShouldBeNull();
        pdfRequest.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await factory.QueryAsync(db => db.Letters.CountAsync(l => l.AllocationId == allocationId))).ShouldBe(0);
    }

    [Fact]
    public async Task New_decision_names_the_one_it_replaces_and_the_old_one_says_it_is_superseded()
    {
        var householdId = await AllocatedAsync("Brief Ersetzt", "36.1-ALT-7");
        await factory.AllocateAsync(householdId, ags: "05913000", fileReference: "36.1-NEU-7");
        var allocations = (await factory.LoadHouseholdAsync(householdId)).Allocations.OrderBy(a => a.Id).ToList();
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var newer = (await client.GetPageAsync($"/Allocations/Print/{allocations[1].Id}")).MainText();
        var older = await client.GetPageAsync($"/Allocations/Print/{allocations[0].Id}");
        var newerPdf = PdfText.Of(await (await client.GetAsync($"/Allocations/Print/{allocations[1].Id}?handler=Pdf")).PdfAsync());

        newer.ShouldContain($"Diese Entscheidung ersetzt die Entscheidung vom {Today.German()} (Aktenzeichen 36.1-ALT-7).");
        newerPdf.ShouldContain($"Diese Entscheidung ersetzt die Entscheidung vom {Today.German()} (Aktenzeichen 36.1-ALT-7).");
        newerPdf.ShouldContain("Stadt Dortmund – Der Oberbürgermeister");
        newerPdf.ShouldContain("Friedensplatz 1");
        older.QuerySelector(".superseded-notice")!.TextContent.ShouldContain("Aktenzeichen 36.1-NEU-7");
        older.MainText().ShouldContain("Ersetzt: Diese Entscheidung ist durch die Entscheidung vom");
    }

    [Fact]
    public async Task Print_stylesheet_sets_A4_and_hides_the_portals_header_but_not_the_letterhead()
    {
        var css = await factory.CreateClient().GetStringAsync("/css/site.css");
        css.ShouldContain("@page { size: A4;");
        css.ShouldContain("@media print");
        css.ShouldContain(".np-header, .skip-link, .no-print");
        // The issue's bug: "header" hid every header, the letter's sender block included.
        css.ShouldNotContain("    header, .skip-link");
    }

    [Fact]
    public async Task Unknown_allocation_is_404()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        await client.GetAsync("/Allocations/Print/999999").ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.GetAsync("/Allocations/Print/999999?handler=Pdf").ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }
}
