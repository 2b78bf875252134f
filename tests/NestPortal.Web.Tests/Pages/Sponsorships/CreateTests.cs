using NestPortal.Domain.Common;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Sponsorships.MatchForm;

namespace NestPortal.Web.Tests.Pages.Sponsorships;

public sealed class CreateTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => TestGroups.Today;
    private static DateOnly LeaseStart => new(Today.Year, Today.Month, 1);

    private async Task<(int Household, int Group)> ReadyAsync(string name)
    {
        var household = await factory.CreateHouseholdAsync(familyName: "Haddad", expectedArrival: Today.AddDays(40), specialNeedsNote: "Rollstuhl");
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), name);
        return (household, group);
    }

    private Task<HttpClient> StaffAsync() => factory.SignedInAsAsync(Roles.CompetenceCentre);

    [Fact]
    public async Task Staff_check_the_obligations_then_save_the_match()
    {
        var (householdId, groupId) = await ReadyAsync("Vermittlung Glücklich");
        var client = await StaffAsync();

        var form = await client.GetPageAsync(Url(householdId));
        form.QuerySelector($"select[name='Input.GroupId'] option[value='{groupId}']")!.TextContent.ShouldContain("Vermittlung Glücklich");

        var check = await client.CheckAsync(householdId, Fields(groupId));

        check.StatusCode.ShouldBe(HttpStatusCode.OK);
        var summary = await check.ReadHtmlAsync();
        summary.Errors().ShouldBeEmpty();
        var text = summary.MainText();
        text.ShouldContain("Bitte prüfen");
        // Permanent rules (today): 12 rent months from the lease-start month.
        var lastMonth = LeaseStart.AddMonths(11);
        summary.QuerySelector("[data-fact='last-rent-month']")!.TextContent.ShouldBe(lastMonth.ToString("MMMM yyyy", new System.Globalization.CultureInfo("de-DE")));
        summary.QuerySelector("[data-fact='rent-ends']")!.TextContent.ShouldBe(LeaseStart.AddMonths(12).AddDays(-1).German());
        text.ShouldContain("650,50 €");
        text.ShouldContain("7.806,00 €");
        text.ShouldContain("DE89 3704 0044 0532 0130 00");
        text.ShouldContain($"voraussichtlich {Months.EndOfPeriod(Today.AddDays(40), 12).German()}");
        text.ShouldNotContain("Rollstuhl");
        (await factory.SponsorshipCountAsync(householdId)).ShouldBe(0, "checking saves nothing");

        var saved = await client.ConfirmAsync(summary);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await factory.QueryAsync(db => db.Sponsorships.Where(s => s.HouseholdId == householdId).Select(s => s.Id).SingleAsync());
        saved.Location().ShouldBe($"/Sponsorships/Details/{id}");
        var sponsorship = await factory.QueryAsync(db => db.Sponsorships.AsNoTracking().SingleAsync(s => s.Id == id));
        sponsorship.GroupId.ShouldBe(groupId);
        sponsorship.Apartment.MonthlyNetColdRent.ShouldBe(650.50m);
        sponsorship.Apartment.LivingSpaceSquareMetres.ShouldBe(68.5m);
        sponsorship.Apartment.Rooms.ShouldBe(2.5m);
        sponsorship.Apartment.MunicipalityAgs.Value.ShouldBe("05911000");
        sponsorship.EscrowAccount.Iban.Value.ShouldBe(TestHouseholds.ValidIban);
        sponsorship.RentMonths.ShouldBe(12);
        sponsorship.RuleSetReason.ShouldBeNull();
        (await factory.LoadHouseholdAsync(householdId)).Status.ShouldBe(HouseholdStatus.Matched);
        (await client.GetPageAsync(saved.Location())).MainText().ShouldContain("Die Vermittlung ist gespeichert.");

        // The group carries a running sponsorship now: it is no longer offered for another household.
        var other = await factory.CreateHouseholdAsync();
        (await client.GetPageAsync(Url(other))).QuerySelector($"select[name='Input.GroupId'] option[value='{groupId}']").ShouldBeNull();
        // The household's own form now leads to its sponsorship.
        var again = await client.GetAsync(Url(householdId));
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Location().ShouldBe($"/Sponsorships/Details/{id}");
    }

    [Fact]
    public async Task Changing_the_details_after_the_check_shows_the_form_filled_in()
    {
        var (householdId, groupId) = await ReadyAsync("Vermittlung Ändern");
        var client = await StaffAsync();
        var summary = await (await client.CheckAsync(householdId, Fields(groupId, rent: "712,30"))).ReadHtmlAsync();
        var form = (IHtmlFormElement)summary.QuerySelector("main form[action*='handler=Save']")!;
        var values = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden").ToDictionary(i => i.Name!, i => i.Value);

        var response = await client.PostAsync(form.QuerySelector("button[formaction]")!.GetAttribute("formaction")!.Replace("?", $"{Url(householdId).Split('?')[0]}?"),
            new FormUrlEncodedContent(values));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ValueOf("Input.Rent").ShouldBe("712,30");
        page.ValueOf("Input.LeaseStart").ShouldBe(LeaseStart.Iso());
        page.QuerySelector($"select[name='Input.GroupId'] option[value='{groupId}']")!.HasAttribute("selected").ShouldBeTrue();
        page.QuerySelector("main form[action*='handler=Check']").ShouldNotBeNull();
        (await factory.SponsorshipCountAsync(householdId)).ShouldBe(0);
    }

    [Fact]
    public async Task English_page_reads_a_rent_with_a_decimal_point()
    {
        var (householdId, groupId) = await ReadyAsync("Vermittlung Englisch");
        var client = await StaffAsync();

        const string english = "&culture=en&ui-culture=en";

        var check = await client.PostWithTokenAsync($"{Url(householdId)}&handler=Check{english}", Fields(groupId, rent: "650.50", livingSpace: "68.5", rooms: "2.5"));
        var page = await check.ReadHtmlAsync();
        page.Errors().ShouldBeEmpty();
        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.MainText().ShouldContain("650.50 €");
        var saved = await client.ConfirmAsync(page, english);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.QueryAsync(db => db.Sponsorships.Where(s => s.HouseholdId == householdId).Select(s => s.Apartment.MonthlyNetColdRent).SingleAsync()))
            .ShouldBe(650.50m);
    }

    [Fact]
    public async Task German_page_refuses_a_decimal_point_rather_than_misread_it()
    {
        var (householdId, groupId) = await ReadyAsync("Vermittlung Punkt");
        var page = await RefusedAsync(householdId, Fields(groupId, rent: "650.50"));
        page.ShouldShowError("Bitte geben Sie die Nettokaltmiete in Euro und Cent an, z. B. 650,50.");
        page.ValueOf("Input.Rent").ShouldBe("650.50");
    }

    [Theory]
    [InlineData("0", "Die monatliche Nettokaltmiete muss größer als 0 € sein.")]
    [InlineData("-450,00", "Die monatliche Nettokaltmiete muss größer als 0 € sein.")]
    [InlineData("650,505", "Die monatliche Nettokaltmiete darf höchstens zwei Nachkommastellen (Cent) haben.")]
    public async Task Rent_that_is_not_a_positive_amount_in_cents_is_refused(string rent, string message)
    {
        var (householdId, groupId) = await ReadyAsync($"Vermittlung Miete {rent}");
        var page = await RefusedAsync(householdId, Fields(groupId, rent: rent));
        page.ShouldShowError(message);
        page.ValueOf("Input.Rent").ShouldBe(rent);
        page.ValueOf("Input.Street").ShouldBe("Lindenstraße 12");
    }

    [Fact]
    public async Task Iban_with_a_wrong_check_digit_is_refused()
    {
        var (householdId, groupId) = await ReadyAsync("Vermittlung IBAN");
        var page = await RefusedAsync(householdId, Fields(groupId, iban: "DE89370400440532013001"));
        page.ShouldShowError("Die IBAN „DE89370400440532013001“ ist ungültig; bitte prüfen Sie sie (Prüfziffer).");
        page.ValueOf("Input.Iban").ShouldBe("DE89370400440532013001");
    }

    [Fact]
    public async Task Living_space_of_zero_is_refused()
    {
        var (householdId, groupId) = await ReadyAsync("Vermittlung Fläche");
        var page = await RefusedAsync(householdId, Fields(groupId, livingSpace: "0"));
        page.ShouldShowError("Die Wohnfläche muss größer als 0 m² sein (höchstens 1000 m²).");
    }

    [Theory]
    [InlineData("09162000")] // München: not in NRW
    [InlineData("05999999")] // NRW's prefix, but no such municipality
    public async Task Municipality_outside_NRW_or_unknown_is_refused(string ags)
    {
        var (householdId, groupId) = await ReadyAsync($"Vermittlung AGS {ags}");
        var page = await RefusedAsync(householdId, Fields(groupId, municipality: ags));
        page.ShouldShowError("Bitte wählen Sie eine Kommune in Nordrhein-Westfalen aus der Liste.");
        page.ValueOf("Input.Municipality").ShouldBe(ags);
    }

    [Fact]
    public async Task A_postcode_no_town_hall_has_is_refused_with_a_hint_to_search_by_name()
    {
        // Dortmund-Hombruch: a postcode of Dortmund, but the register knows only the town hall's (44135).
        var (householdId, groupId) = await ReadyAsync("Vermittlung PLZ Hombruch");
        var client = await StaffAsync();

        var form = await client.GetPageAsync(Url(householdId));
        var page = await RefusedAsync(householdId, Fields(groupId, municipality: "44225"));

        form.QuerySelector("#Input_Municipality-hint")!.TextContent.ShouldBe(
            "Tippen Sie den Namen der Kommune oder ihren Gemeindeschlüssel (AGS) und wählen Sie aus der Liste. Eine Postleitzahl findet die Kommune nur, wenn es die ihres Rathauses ist.");
        page.ShouldShowError("Zur Postleitzahl 44225 ist keine Kommune verzeichnet. Das Gemeindeverzeichnis kennt je Kommune nur die Postleitzahl des Rathauses; bitte suchen Sie nach dem Namen der Kommune.");
        page.ValueOf("Input.Municipality").ShouldBe("44225");
    }

    [Fact]
    public async Task The_town_halls_postcode_finds_the_municipality()
    {
        var (householdId, groupId) = await ReadyAsync("Vermittlung PLZ Rathaus");
        var client = await StaffAsync();

        var check = await client.CheckAsync(householdId, Fields(groupId, municipality: "44135"));

        var summary = await check.ReadHtmlAsync();
        summary.Errors().ShouldBeEmpty();
        summary.MainText().ShouldContain("Dortmund");
    }

    [Fact]
    public async Task Group_that_is_not_approved_is_refused()
    {
        var householdId = await factory.CreateHouseholdAsync();
        var submitted = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Vermittlung Nur Eingereicht", submittedOn: Today);
        var client = await StaffAsync();
        (await client.GetPageAsync(Url(householdId))).QuerySelector($"select[name='Input.GroupId'] option[value='{submitted}']").ShouldBeNull();

        // Posted as if it had been offered.
        var page = await RefusedAsync(householdId, Fields(submitted));

        page.ShouldShowError("Die Gruppe „Vermittlung Nur Eingereicht“ ist nicht freigegeben; nur freigegebene Gruppen können vermittelt werden.");
    }

    [Fact]
    public async Task Group_whose_family_is_still_supported_today_is_refused_naming_the_rule()
    {
        var (householdId, groupId) = await ReadyAsync("Vermittlung Schon Begleitend");
        await factory.MatchAsync(groupId, await factory.CreateHouseholdAsync());
        var client = await StaffAsync();
        (await client.GetPageAsync(Url(householdId))).QuerySelector($"select[name='Input.GroupId'] option[value='{groupId}']")
            .ShouldBeNull("the rules allow one family at a time");

        var page = await RefusedAsync(householdId, Fields(groupId));

        page.ShouldShowError($"Die Gruppe „Vermittlung Schon Begleitend“ begleitet am {Today.German()} bereits eine Familie; nach den Regeln „NesT Regelprogramm“ ist eine neue Vermittlung erst nach deren Ende möglich.");
    }

    [Fact]
    public async Task After_the_programme_end_a_match_is_refused_naming_the_end_date()
    {
        var (householdId, groupId) = await ReadyAsync("Vermittlung Nach Programmende");

        await factory.WhileProgrammeEndedAsync(async () =>
        {
            var page = await RefusedAsync(householdId, Fields(groupId));

            page.ShouldShowError($"Das Programm NesT endete am {TestProgrammeEnd.LastDay.German()}; seitdem sind keine neuen Vermittlungen mehr möglich.");
        });
    }

    [Fact]
    public async Task Other_rule_set_needs_a_reason_and_is_saved_with_it()
    {
        var (householdId, groupId) = await ReadyAsync("Vermittlung Pilotregeln");
        var pilot = await factory.QueryAsync(db => db.RuleSets.Where(r => r.ValidUntil != null).OrderBy(r => r.ValidFrom).Select(r => r.Id).FirstAsync());

        var refused = await RefusedAsync(householdId, Fields(groupId, ruleSetId: pilot.ToString()));
        refused.Errors().ShouldContain(e => e.StartsWith("Die Gruppe wurde nach anderen Regeln eingereicht; bitte begründen Sie die Wahl von"));

        var client = await StaffAsync();
        var check = await client.CheckAsync(householdId, Fields(groupId, ruleSetId: pilot.ToString(), reason: "Zusage vor dem 1. Juli 2022"));
        var summary = await check.ReadHtmlAsync();
        summary.QuerySelector("[data-fact='last-rent-month']")!.TextContent
            .ShouldBe(LeaseStart.AddMonths(23).ToString("MMMM yyyy", new System.Globalization.CultureInfo("de-DE")));
        (await client.ConfirmAsync(summary)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.QueryAsync(db => db.Sponsorships.SingleAsync(s => s.HouseholdId == householdId));
        saved.RuleSetId.ShouldBe(pilot);
        saved.RentMonths.ShouldBe(24);
        saved.RuleSetReason.ShouldBe("Zusage vor dem 1. Juli 2022");
    }

    [Fact]
    public async Task Household_matched_meanwhile_is_refused_on_saving()
    {
        var (householdId, groupId) = await ReadyAsync("Vermittlung Zu Spät");
        var client = await StaffAsync();
        var summary = await (await client.CheckAsync(householdId, Fields(groupId))).ReadHtmlAsync();
        var colleaguesGroup = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), "Vermittlung Kollegin");
        await factory.MatchAsync(colleaguesGroup, householdId);

        var response = await client.ConfirmAsync(summary);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError(e => e.Contains("ist bereits einer Gruppe vermittelt"), "saying the household is matched already");
        (await factory.QueryAsync(db => db.Sponsorships.SingleAsync(s => s.HouseholdId == householdId))).GroupId.ShouldBe(colleaguesGroup);
    }

    [Fact]
    public async Task Unique_index_violation_at_the_same_moment_gives_a_German_message_not_a_500()
    {
        var (householdId, groupId) = await ReadyAsync("Vermittlung Gleichzeitig");
        var client = await StaffAsync();
        var summary = await (await client.CheckAsync(householdId, Fields(groupId))).ReadHtmlAsync();
        // A colleague's insert between our checks and our insert: a unique index refuses ours. Stands in for the real
        // one (one sponsorship per household), which the page's own checks pass before the race:
        // a partial index on which our row collides with a colleague's match, a true unique violation as SQLite reports it.
        var colleagues = await factory.MatchAsync(
            await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), "Vermittlung Gleichzeitig Kollegin"),
            await factory.CreateHouseholdAsync());
        var raceIndex = $"CREATE UNIQUE INDEX race_match ON Sponsorships (HouseholdId - HouseholdId) WHERE Id = {colleagues} OR HouseholdId = {householdId}";
        await factory.ExecuteAsync(db => db.Database.ExecuteSqlRawAsync(raceIndex));
        try
        {
            var response = await client.ConfirmAsync(summary);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await response.ReadHtmlAsync();
            page.ShouldShowError("Die Familie oder die Gruppe wurde gerade von jemand anderem vermittelt.");
        }
        finally
        {
            await factory.ExecuteAsync(db => db.Database.ExecuteSqlRawAsync("DROP INDEX race_match"));
        }

        (await factory.SponsorshipCountAsync(householdId)).ShouldBe(0);
        (await factory.LoadHouseholdAsync(householdId)).IsMatched.ShouldBeFalse();
    }

    [Fact]
    public async Task Unknown_household_is_404()
    {
        var client = await StaffAsync();
        await client.GetAsync(Url(999_999)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.PostWithTokenAsync($"{Url(999_999)}&handler=Save", Fields(1)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anonymous_is_sent_to_login()
    {
        var (householdId, groupId) = await ReadyAsync("Vermittlung Anonym");
        var client = factory.CreateBrowserLikeClient();
        await client.PostWithTokenAsync($"{Url(householdId)}&handler=Save", Fields(groupId)).ShouldRedirectToLoginAsync();
        (await factory.SponsorshipCountAsync(householdId)).ShouldBe(0);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_get_403(string role)
    {
        var household = await factory.CreateHouseholdAsync(familyName: "Quendolin");
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), $"Vermittlung Rolle {role}");
        var client = await factory.SignedInAsAsync(role);

        await client.PostWithTokenAsync($"{Url(household)}&handler=Check", Fields(group)).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        await client.PostWithTokenAsync($"{Url(household)}&handler=Save", Fields(group)).ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        (await factory.SponsorshipCountAsync(household)).ShouldBe(0);
    }

    /// <summary>Posts "Prüfen" and "Speichern" directly: each is refused, the form shown again, nothing saved.</summary>
    private async Task<IHtmlDocument> RefusedAsync(int householdId, Dictionary<string, string> fields)
    {
        var client = await StaffAsync();
        var saved = await client.PostWithTokenAsync($"{Url(householdId)}&handler=Save", fields);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.ReadHtmlAsync()).Errors().ShouldNotBeEmpty();

        var response = await client.CheckAsync(householdId, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.SponsorshipCountAsync(householdId)).ShouldBe(0);
        (await factory.LoadHouseholdAsync(householdId)).IsMatched.ShouldBeFalse();
        var page = await response.ReadHtmlAsync();
        page.QuerySelector("main form[action*='handler=Save']").ShouldBeNull("a refused check offers no save");
        return page;
    }
}
