using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Households.HouseholdForms;

namespace NestPortal.Web.Tests.Pages.Households;

public sealed class CreateTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> CountAsync(string reference) => factory.QueryAsync(db => db.Households.CountAsync(h => h.Reference == reference));

    [Fact]
    public async Task Staff_record_a_household_and_land_on_its_page()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.PostFormAsync("/Households/Create", Household("NesT-2025-0001", Today.AddDays(40), "Rollstuhl, Erdgeschoss nötig"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await factory.QueryAsync(db => db.Households.Where(h => h.Reference == "NesT-2025-0001").Select(h => h.Id).SingleAsync());
        response.Location().ShouldBe($"/Households/Details/{id}");
        var saved = await factory.LoadHouseholdAsync(id);
        saved.ExpectedArrival.ShouldBe(Today.AddDays(40));
        saved.SpecialNeedsNote.ShouldBe("Rollstuhl, Erdgeschoss nötig");
        var page = await client.GetPageAsync(response.Location());
        page.MainText().ShouldContain("Die Familie ist erfasst. Tragen Sie jetzt die Personen ein.");
        page.MainText().ShouldContain("Rollstuhl, Erdgeschoss nötig");
        page.QuerySelector(".status-badge")!.TextContent.ShouldBe("Erfasst, wartet auf Vermittlung");
    }

    [Fact]
    public async Task The_create_form_says_only_the_competence_centre_sees_the_note()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync("/Households/Create");

        page.QuerySelector("#Input_SpecialNeedsNote-hint")!.TextContent.ShouldContain("Nur für das Kompetenzzentrum sichtbar");
        page.QuerySelector("label[for='Input_Reference']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_reference_already_used_is_refused_in_German_and_nothing_is_saved()
    {
        await factory.CreateHouseholdAsync("NesT-DOPPELT");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.PostFormAsync("/Households/Create", Household(" NesT-DOPPELT ", note: "bleibt im Formular"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Dieses Aktenzeichen ist bereits für eine andere Familie vergeben.");
        page.ValueOf("Input.SpecialNeedsNote").ShouldBe("bleibt im Formular");
        (await CountAsync("NesT-DOPPELT")).ShouldBe(1);
    }

    [Fact]
    public async Task A_reference_saved_twice_at_once_is_recognised_as_the_unique_index_refusing_it()
    {
        // Two clerks passing the check before saving at the same moment: the index has the last word,
        // and the pages turn its refusal into the same message.
        await factory.CreateHouseholdAsync("NesT-INDEX");

        var exception = await Should.ThrowAsync<DbUpdateException>(() => factory.CreateHouseholdAsync("NesT-INDEX", persons: 0));

        exception.IsUniqueViolation().ShouldBeTrue();
        (await CountAsync("NesT-INDEX")).ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_reference_and_an_implausible_expected_arrival_are_refused()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var empty = await (await client.PostFormAsync("/Households/Create", Household(""))).ReadHtmlAsync();
        var implausible = await (await client.PostFormAsync("/Households/Create", Household("NesT-PLAUSIBEL", Today.AddYears(5)))).ReadHtmlAsync();

        empty.ShouldShowError(e => e.Contains("Aktenzeichen der Familie"), "naming the reference");
        implausible.ShouldShowError($"Die erwartete Ankunft ({Today.AddYears(5).German()}) ist nicht plausibel.");
        implausible.ValueOf("Input.Reference").ShouldBe("NesT-PLAUSIBEL");
        (await CountAsync("NesT-PLAUSIBEL")).ShouldBe(0);
    }

    [Fact]
    public async Task The_form_suggests_the_next_free_reference_of_the_year_after_the_configured_pattern()
    {
        var year = Today.Year;
        // Far above the demo families' numbers, and typed with another number of zeros and in small letters:
        // the suggestion goes above every number in use, however it was written.
        await factory.CreateHouseholdAsync($"NesT-{year}-0950", persons: 0);
        await factory.CreateHouseholdAsync($"nest-{year}-00951", persons: 0);
        await factory.CreateHouseholdAsync($"NesT-{year + 1}-0999", persons: 0);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync("/Households/Create");

        var suggestion = $"NesT-{year}-0952";
        page.ValueOf("Input.Reference").ShouldBe(suggestion);
        page.QuerySelector("#Input_Reference-hint")!.TextContent
            .ShouldContain($"Das nächste freie Aktenzeichen nach dem Muster NesT-{{yyyy}}-{{n:0000}} ist {suggestion}.");
        (await CountAsync(suggestion)).ShouldBe(0);

        var response = await client.PostFormAsync("/Households/Create", Household(suggestion));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CountAsync(suggestion)).ShouldBe(1);
        (await client.GetPageAsync("/Households/Create")).ValueOf("Input.Reference").ShouldBe($"NesT-{year}-0953");
    }

    [Fact]
    public async Task A_suggestion_another_clerk_took_meanwhile_is_refused_in_German_and_the_next_free_one_offered()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var suggested = (await client.GetPageAsync("/Households/Create")).ValueOf("Input.Reference")!;
        await factory.CreateHouseholdAsync(suggested, persons: 0); // the other clerk, a moment earlier

        var response = await client.PostFormAsync("/Households/Create", Household(suggested, note: "bleibt stehen"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Dieses Aktenzeichen ist bereits für eine andere Familie vergeben.");
        page.ValueOf("Input.Reference").ShouldBe(suggested, "the form keeps what was posted");
        page.ValueOf("Input.SpecialNeedsNote").ShouldBe("bleibt stehen");
        var next = await client.GetPageAsync("/Households/Create");
        page.QuerySelector("#Input_Reference-hint")!.TextContent.ShouldContain($"ist {next.ValueOf("Input.Reference")}.");
        next.ValueOf("Input.Reference").ShouldNotBe(suggested);
        (await CountAsync(suggested)).ShouldBe(1);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Only_the_competence_centre_records_households(string role)
    {
        var client = await factory.SignedInAsAsync(role);

        await client.GetAsync("/Households/Create").ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        await client.PostWithTokenAsync("/Households/Create", Household("NesT-VERBOTEN")).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        (await CountAsync("NesT-VERBOTEN")).ShouldBe(0);
    }

    /// <summary>Regression: required fields had no marker unless the page said so; now the validator decides.</summary>
    [Fact]
    public async Task Required_fields_carry_the_marker_and_optional_ones_do_not()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync("/Households/Create");

        var form = page.QuerySelector("main form[method='post']")!;
        // The Aktenzeichen is required by the page's validator (NotEmpty), without required="true" on the page.
        form.QuerySelector("label[for='Input_Reference'] span[aria-hidden='true']")!.TextContent.ShouldBe("*");
        form.QuerySelector("#Input_Reference")!.GetAttribute("aria-required").ShouldBe("true");
        foreach (var optional in new[] { "Input_ExpectedArrival", "Input_SpecialNeedsNote" })
        {
            form.QuerySelector($"label[for='{optional}'] span[aria-hidden='true']").ShouldBeNull(optional);
            form.QuerySelector($"#{optional}")!.HasAttribute("aria-required").ShouldBeFalse(optional);
            form.QuerySelector($"#{optional}")!.HasAttribute("required").ShouldBeFalse(optional);
        }

        form.QuerySelector("[data-fact='required-legend']")!.TextContent.ShouldBe("Pflichtfelder sind mit * markiert.");
        page.QuerySelectorAll("[data-fact='required-legend']").Length.ShouldBe(1, "once per form");
        var english = await client.GetPageAsync("/Households/Create?culture=en");
        english.QuerySelector("[data-fact='required-legend']")!.TextContent.ShouldBe("Required fields are marked with *.");
    }

    [Fact]
    public async Task A_form_without_required_fields_has_no_legend()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync("/Households/Index");

        page.QuerySelector("main form").ShouldNotBeNull();
        page.QuerySelector("[data-fact='required-legend']").ShouldBeNull();
    }
}
