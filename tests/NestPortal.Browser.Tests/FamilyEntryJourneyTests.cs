using Microsoft.Playwright;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Browser.Tests;

/// <summary>
/// A competence-centre clerk records a family of four: the household with the suggested Aktenzeichen,
/// the mother with every detail, then father and two children through "Eintragen und weitere Person
/// erfassen", typing only what is their own (given name, date of birth, sex). Family name, nationality,
/// country of first refuge and the admission decision are typed once and arrive pre-filled for persons
/// 2–4. Every page passes axe and fits a phone and a laptop.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FamilyEntryJourneyTests(BrowserHost host)
{
    private static readonly (string Given, DateOnly Born, string Sex)[] Others =
    [
        ("Khaled", new DateOnly(1984, 11, 2), "Male"),
        ("Lana", new DateOnly(2015, 6, 21), "Female"),
        ("Omar", new DateOnly(2019, 1, 30), "Male"),
    ];

    [Fact]
    public async Task A_clerk_records_a_family_of_four_typing_the_shared_details_once()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var email = $"kfi-familie-{suffix}@bra.nrw.invalid";
        var familyName = $"Haddad-{suffix}";
        var admissionReference = $"BAMF-{suffix}";
        var admitted = TestGroups.Today.AddMonths(-3);
        await host.CreateUserAsync(email, "Sabine Sachbearbeiterin", Roles.CompetenceCentre);

        var clerk = await host.NewPageAsync();
        await clerk.SetViewportSizeAsync(1366, 900);
        await host.SignInAsync(clerk, email, BrowserHost.TestPassword);
        await host.EnrolAuthenticatorAsync(clerk, email);

        // The household, with the Aktenzeichen the portal suggests.
        await clerk.GotoAsync("/Households");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Familie erfassen" }).ClickAsync();
        await Checked(clerk);
        var reference = await clerk.GetByLabel("Aktenzeichen der Familie").InputValueAsync();
        reference.ShouldMatch($@"^NesT-{TestGroups.Today.Year}-\d{{4,}}$");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Familie anlegen" }).ClickAsync();
        (await clerk.Locator("h1").TextContentAsync())!.ShouldContain(reference);

        // The first person: everything typed, the countries picked from the common ones at the top.
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Person hinzufügen" }).ClickAsync();
        await Checked(clerk);
        (await clerk.GetByLabel("Familienname").InputValueAsync()).ShouldBeEmpty("the household records no family name");
        var commonNationalities = clerk.GetByLabel("Staatsangehörigkeit").Locator("optgroup[label='Häufig'] option");
        (await commonNationalities.AllTextContentsAsync()).ShouldContain("Syrien");
        await clerk.GetByLabel("Vorname").FillAsync("Amina");
        await clerk.GetByLabel("Familienname").FillAsync(familyName);
        await clerk.GetByLabel("Geburtsdatum").FillAsync("1988-03-14");
        await clerk.GetByLabel("Geschlecht").SelectOptionAsync("Female");
        await clerk.GetByLabel("Staatsangehörigkeit").SelectOptionAsync(new SelectOptionValue { Label = "Syrien" });
        await clerk.GetByLabel("Erstaufnahmeland").SelectOptionAsync(new SelectOptionValue { Label = "Libanon" });
        await clerk.GetByLabel("Datum der Aufnahmezusage").FillAsync(admitted.Iso());
        await clerk.GetByLabel("Aktenzeichen der Aufnahmezusage").FillAsync(admissionReference);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Eintragen und weitere Person erfassen" }).ClickAsync();

        // Persons 2–4 arrive with the family's details filled in; only their own are typed.
        var entered = $"Amina {familyName}";
        foreach (var (given, born, sex) in Others)
        {
            await Checked(clerk);
            (await clerk.GetByRole(AriaRole.Status).TextContentAsync())!.ShouldContain($"{entered} ist eingetragen.");
            (await clerk.GetByRole(AriaRole.Note).TextContentAsync())!.ShouldContain($"von {entered} übernommen");
            (await clerk.GetByLabel("Familienname").InputValueAsync()).ShouldBe(familyName);
            (await clerk.GetByLabel("Staatsangehörigkeit").InputValueAsync()).ShouldBe("SY");
            (await clerk.GetByLabel("Erstaufnahmeland").InputValueAsync()).ShouldBe("LB");
            (await clerk.GetByLabel("Datum der Aufnahmezusage").InputValueAsync()).ShouldBe(admitted.Iso());
            (await clerk.GetByLabel("Aktenzeichen der Aufnahmezusage").InputValueAsync()).ShouldBe(admissionReference);
            (await clerk.GetByLabel("Vorname").InputValueAsync()).ShouldBeEmpty();
            (await clerk.GetByLabel("Geburtsdatum").InputValueAsync()).ShouldBeEmpty();

            await clerk.GetByLabel("Vorname").FillAsync(given);
            await clerk.GetByLabel("Geburtsdatum").FillAsync(born.Iso());
            await clerk.GetByLabel("Geschlecht").SelectOptionAsync(sex);
            var last = given == Others[^1].Given;
            await clerk.GetByRole(AriaRole.Button, new() { Name = last ? "Person eintragen" : "Eintragen und weitere Person erfassen" }).ClickAsync();
            entered = $"{given} {familyName}";
        }

        // The household page: four persons, each with the family's details.
        await Checked(clerk);
        (await clerk.Locator("h1").TextContentAsync())!.ShouldContain(reference);
        (await clerk.GetByRole(AriaRole.Status).TextContentAsync())!.ShouldContain($"Omar {familyName} ist eingetragen.");
        foreach (var given in new[] { "Amina" }.Concat(Others.Select(o => o.Given)))
        {
            var person = clerk.GetByRole(AriaRole.Region, new() { Name = $"{given} {familyName}", Exact = true });
            var text = (await person.TextContentAsync())!;
            text.ShouldContain("Syrien");
            text.ShouldContain("Libanon");
            text.ShouldContain($"{admitted.German()}, {admissionReference}");
        }

        (await clerk.GetByRole(AriaRole.Region).Filter(new() { HasText = admissionReference }).CountAsync()).ShouldBe(4);
    }

    /// <summary>axe in a laptop's and a phone's window, and nothing wider than either.</summary>
    private static Task Checked(IPage page) => BrowserHost.AssertAccessibleAndFitsAsync(page);
}
