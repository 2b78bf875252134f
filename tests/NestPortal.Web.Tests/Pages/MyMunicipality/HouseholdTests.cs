using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.MyMunicipality.MunicipalityHouseholds;

namespace NestPortal.Web.Tests.Pages.MyMunicipality;

public sealed class HouseholdTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int id) => $"/MyMunicipality/Households/{id}";
    private static string Acknowledge(int id) => $"/MyMunicipality/Households/{id}?handler=Acknowledge";
    private static DateOnly Today => TestGroups.Today;

    private Task<HttpClient> MunicipalityAsync() => factory.SignedInAsAsync(Roles.Municipality);

    private Task<List<AuditEntry>> EntriesAsync(string type, int id) =>
        factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == type && a.EntityId == id.ToString()).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task The_municipality_sees_persons_flat_main_contacts_obligations_and_the_allocation_but_not_the_note_or_the_group()
    {
        var arrived = Today.AddMonths(-2);
        var id = await factory.AllocatedHouseholdAsync(Dortmund, "Sichtbar", persons: 3, arrivedOn: arrived, leaseStart: RentEndingThisMonth);
        var household = await factory.LoadHouseholdAsync(id);
        var group = await factory.LoadGroupAsync(await factory.QueryAsync(db => db.Sponsorships.Where(s => s.HouseholdId == id).Select(s => s.GroupId).SingleAsync()));
        var client = await MunicipalityAsync();

        var response = await client.GetAsync(Url(id));
        var body = await response.Content.ReadAsStringAsync();
        var page = await response.ReadHtmlAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("h1")!.TextContent.ShouldBe($"Familie {household.Reference}");
        var persons = page.QuerySelector("#persons-table")!.TextContent;
        foreach (var person in household.Persons)
        {
            persons.ShouldContain(person.DisplayName);
            persons.ShouldContain(person.DateOfBirth.German());
        }

        persons.ShouldContain(arrived.German());
        persons.ShouldContain(NestPortal.Domain.Common.Months.EndOfPeriod(arrived, 12).German(), customMessage: "support ends twelve months after arrival");
        var text = page.MainText();
        text.ShouldContain("Hauptstraße 1, 44787 Bochum");
        text.ShouldContain($"bis {NestPortal.Domain.Common.Months.FirstOf(Today).AddMonths(1).AddDays(-1).German()}; danach übernimmt Ihr Leistungsträger die Miete");
        var allocation = household.CurrentAllocation!;
        text.ShouldContain(allocation.FileReference);
        text.ShouldContain(allocation.DecisionDate.German());
        text.ShouldContain("noch nicht");
        page.QuerySelector("form[action*='handler=Acknowledge']").ShouldNotBeNull();

        var contacts = page.QuerySelector("#main-contacts")!.TextContent;
        foreach (var member in group.Members)
        {
            if (member.IsMainContact)
            {
                contacts.ShouldContain(member.DisplayName);
                contacts.ShouldContain(member.Email);
            }
            else
            {
                body.ShouldNotReveal(member.Email);
            }
        }

        body.ShouldNotReveal(SpecialNeeds);
        body.ShouldNotReveal(group.Name);
        body.ShouldNotReveal(TestHouseholds.ValidIban);
    }

    [Fact]
    public async Task Each_person_shown_writes_one_viewed_entry_with_user_role_and_request_id()
    {
        var id = await factory.AllocatedHouseholdAsync(Dortmund, "Protokolliert", persons: 3);
        var household = await factory.LoadHouseholdAsync(id);
        var userId = await factory.DemoMunicipalityUserIdAsync();
        var client = await MunicipalityAsync();

        await client.GetPageAsync(Url(id));

        foreach (var person in household.Persons)
        {
            var view = (await EntriesAsync(nameof(Refugee), person.Id)).Where(e => e.Action == AuditAction.Viewed).ShouldHaveSingleItem();
            view.UserId.ShouldBe(userId);
            view.UserName.ShouldBe("Katrin Kommune (Dortmund)");
            view.Role.ShouldBe(Roles.Municipality);
            view.RequestId.ShouldNotBeNullOrWhiteSpace();
            view.Changes.ShouldBeNull();
        }

        var requestIds = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Viewed && a.UserId == userId)
            .Select(a => a.RequestId).Distinct().CountAsync());
        requestIds.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Early_departures_are_shown_with_date_and_reason()
    {
        var arrived = Today.AddMonths(-3);
        var id = await factory.AllocatedHouseholdAsync(Dortmund, "Teilweise", persons: 2, arrivedOn: arrived);
        var left = Today.AddDays(-7);
        await factory.ExecuteAsync(async db =>
        {
            var household = await db.Households.Include(h => h.Persons).Include(h => h.Allocations).SingleAsync(h => h.Id == id);
            household.RecordDeparture(household.Persons.OrderBy(p => p.Id).First().Id, left, DepartureReason.MovedAway, null, Today);
            await db.SaveChangesAsync();
        });
        var client = await MunicipalityAsync();

        var page = await client.GetPageAsync(Url(id));

        var persons = page.QuerySelector("#persons-table")!.TextContent;
        persons.ShouldContain($"am {left.German()}: Umzug");
        persons.ShouldContain("nein");
    }

    [Fact]
    public async Task Acknowledging_receipt_records_who_and_when_and_writes_a_changed_entry_for_the_allocation()
    {
        var id = await factory.AllocatedHouseholdAsync(Dortmund, "Bestaetigt");
        var allocationId = (await factory.LoadHouseholdAsync(id)).CurrentAllocation!.Id;
        var client = await MunicipalityAsync();

        var response = await client.PostFormAsync(Url(id), new Dictionary<string, string> { ["Acknowledge.Confirmed"] = "true" }, "handler=Acknowledge");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe(Url(id));
        var page = await client.GetPageAsync(response.Location());
        page.MainText().ShouldContain("Der Eingang der Zuweisung ist bestätigt.");
        page.QuerySelector("#acknowledged")!.TextContent.ShouldContain("von Katrin Kommune (Dortmund)");
        page.QuerySelector("#acknowledged")!.TextContent.ShouldContain(Today.German());
        page.QuerySelector("form[action*='handler=Acknowledge']").ShouldBeNull();
        var saved = (await factory.LoadHouseholdAsync(id)).CurrentAllocation!;
        saved.AcknowledgedByName.ShouldBe("Katrin Kommune (Dortmund)");
        saved.AcknowledgedByUserId.ShouldBe(await factory.DemoMunicipalityUserIdAsync());
        saved.AcknowledgedAtUtc.ShouldNotBeNull();

        var entry = (await EntriesAsync(nameof(Allocation), allocationId)).Last();
        entry.Action.ShouldBe(AuditAction.Changed);
        entry.Role.ShouldBe(Roles.Municipality);
        entry.RequestId.ShouldNotBeNullOrWhiteSpace();
        JsonSerializer.Deserialize<List<FieldChange>>(entry.Changes!)!
            .ShouldContain(new FieldChange("AcknowledgedByName", null, "Katrin Kommune (Dortmund)"));
    }

    [Fact]
    public async Task Acknowledging_without_the_confirmation_is_refused_and_nothing_is_saved()
    {
        var id = await factory.AllocatedHouseholdAsync(Dortmund, "Unbestaetigt");
        var allocationId = (await factory.LoadHouseholdAsync(id)).CurrentAllocation!.Id;
        var entriesBefore = (await EntriesAsync(nameof(Allocation), allocationId)).Count;
        var client = await MunicipalityAsync();

        var response = await client.PostFormAsync(Url(id), new Dictionary<string, string>(), "handler=Acknowledge");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Bitte bestätigen Sie, dass Ihnen die Zuweisungsentscheidung vorliegt.");
        page.QuerySelector("input[name='Acknowledge.Confirmed'][type=checkbox]")!.HasAttribute("checked").ShouldBeFalse();
        (await factory.LoadHouseholdAsync(id)).CurrentAllocation!.AcknowledgedAtUtc.ShouldBeNull();
        (await EntriesAsync(nameof(Allocation), allocationId)).Count.ShouldBe(entriesBefore);
    }

    [Fact]
    public async Task Acknowledging_a_form_without_the_allocation_is_refused_and_nothing_is_saved()
    {
        var id = await factory.AllocatedHouseholdAsync(Dortmund, "Ohnezuweisung");
        var client = await MunicipalityAsync();
        var version = (await client.GetPageAsync(Url(id))).ValueOf("Version")!;

        var response = await client.PostWithTokenAsync(Acknowledge(id), new Dictionary<string, string>
        {
            ["Version"] = version, ["Acknowledge.Confirmed"] = "true",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("Bitte laden Sie die Seite neu; die Zuweisung fehlt im Formular.");
        (await factory.LoadHouseholdAsync(id)).CurrentAllocation!.AcknowledgedAtUtc.ShouldBeNull();
    }

    [Fact]
    public async Task Acknowledging_on_a_page_a_colleague_already_acknowledged_says_so_and_keeps_the_colleagues_receipt()
    {
        var id = await factory.AllocatedHouseholdAsync(Dortmund, "Doppelt");
        var client = await MunicipalityAsync();
        var shown = await client.GetPageAsync(Url(id));
        var version = shown.ValueOf("Version")!;
        var allocationId = shown.ValueOf("Acknowledge.AllocationId")!;
        await factory.AcknowledgeAsync(id, Dortmund, "Kollegin Kommune");

        var response = await client.PostWithTokenAsync(Acknowledge(id), new Dictionary<string, string>
        {
            ["Version"] = version, ["Acknowledge.AllocationId"] = allocationId, ["Acknowledge.Confirmed"] = "true",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError(e => e.Contains("bereits am") || e.Contains("inzwischen geändert"), "saying it was acknowledged or changed meanwhile");
        page.QuerySelector("#acknowledged")!.TextContent.ShouldContain("Kollegin Kommune");
        (await factory.LoadHouseholdAsync(id)).CurrentAllocation!.AcknowledgedByName.ShouldBe("Kollegin Kommune");
    }

    [Fact]
    public async Task A_household_allocated_to_another_municipality_is_404_with_nothing_of_it_and_no_view_logged()
    {
        var id = await factory.AllocatedHouseholdAsync(Bochum, "Bochumerin", arrivedOn: Today.AddMonths(-1));
        var household = await factory.LoadHouseholdAsync(id);
        var client = await MunicipalityAsync();

        await NothingOfItAsync(client, id, household, "Bochumerin");

        foreach (var person in household.Persons)
            (await EntriesAsync(nameof(Refugee), person.Id)).ShouldNotContain(e => e.Action == AuditAction.Viewed);
        (await factory.LoadHouseholdAsync(id)).CurrentAllocation!.AcknowledgedAtUtc.ShouldBeNull();
    }

    [Fact]
    public async Task After_a_reallocation_to_another_municipality_the_household_is_gone_for_the_first()
    {
        var id = await factory.AllocatedHouseholdAsync(Dortmund, "Umverteilt");
        var client = await MunicipalityAsync();
        (await client.GetPageAsync(Url(id))).MainText().ShouldContain("Umverteilt");

        await factory.AllocateAsync(id, Bochum);

        await NothingOfItAsync(client, id, await factory.LoadHouseholdAsync(id), "Umverteilt");
        // Searched by its family name (which the search box repeats), the list does not show its reference.
        var household = await factory.LoadHouseholdAsync(id);
        var search = await client.GetPageAsync("/MyMunicipality?search=Umverteilt");
        search.MainText().ShouldContain("Keine Familien gefunden.");
        search.DocumentElement.OuterHtml.ShouldNotContain(household.Reference);
    }

    private static string Letter(int id, int allocationId, bool download = false) =>
        $"/MyMunicipality/Households/{id}?handler=Letter&allocationId={allocationId}" + (download ? "&download=true" : "");

    [Fact]
    public async Task The_municipality_opens_and_downloads_its_decision_letter_byte_for_byte_and_the_view_is_logged()
    {
        var id = await factory.AllocatedHouseholdAsync(Dortmund, "Briefleserin");
        var household = await factory.LoadHouseholdAsync(id);
        var allocation = household.Allocations.Single();
        var client = await MunicipalityAsync();

        var page = await client.GetPageAsync(Url(id));
        var opened = await client.GetAsync(page.QuerySelector("#letter-open")!.GetAttribute("href")!);
        var downloaded = await client.GetAsync(page.QuerySelector("#letter-download")!.GetAttribute("href")!);

        var pdf = await opened.PdfAsync();
        opened.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        downloaded.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await downloaded.PdfAsync()).ShouldBe(pdf);
        var stored = await factory.QueryAsync(db => db.Letters.AsNoTracking().SingleAsync(l => l.AllocationId == allocation.Id));
        stored.Content.ShouldBe(pdf);
        var text = PdfText.Of(pdf);
        text.ShouldContain("Stadt Dortmund – Der Oberbürgermeister");
        text.ShouldContain($"Aktenzeichen: {allocation.FileReference}");
        text.ShouldContain("Rechtsbehelfsbelehrung");
        text.ShouldNotContain(SpecialNeeds);
        var views = (await EntriesAsync(nameof(Allocation), allocation.Id)).Where(e => e.Action == AuditAction.Viewed).ToList();
        views.Count.ShouldBe(2);
        views.ShouldAllBe(v => v.Role == Roles.Municipality);
    }

    [Fact]
    public async Task Another_municipalitys_letter_is_404_also_a_superseded_one_on_a_household_now_allocated_here()
    {
        var elsewhere = await factory.AllocatedHouseholdAsync(Bochum, "Fremdbrief");
        var elsewhereAllocation = (await factory.LoadHouseholdAsync(elsewhere)).Allocations.Single();
        var moved = await factory.AllocatedHouseholdAsync(Bochum, "Umgezogen");
        await factory.AllocateAsync(moved, Dortmund);
        var movedAllocations = (await factory.LoadHouseholdAsync(moved)).Allocations.OrderBy(a => a.Id).ToList();
        var client = await MunicipalityAsync();

        await client.GetAsync(Letter(elsewhere, elsewhereAllocation.Id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        // The household is Dortmund's now, but the first decision was addressed to Bochum.
        await client.GetAsync(Letter(moved, movedAllocations[0].Id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        // Another household's decision through this household's page.
        await client.GetAsync(Letter(moved, elsewhereAllocation.Id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        (await client.GetAsync(Letter(moved, movedAllocations[1].Id))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EntriesAsync(nameof(Allocation), elsewhereAllocation.Id)).ShouldNotContain(e => e.Action == AuditAction.Viewed);
        (await EntriesAsync(nameof(Allocation), movedAllocations[0].Id)).ShouldNotContain(e => e.Action == AuditAction.Viewed);
    }

    [Fact]
    public async Task Unknown_household_is_404()
    {
        var client = await MunicipalityAsync();
        await client.GetAsync(Url(999_999)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.PostWithTokenAsync(Acknowledge(999_999), new Dictionary<string, string> { ["Acknowledge.Confirmed"] = "true" })
            .ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anonymous_is_sent_to_login()
    {
        var id = await factory.AllocatedHouseholdAsync(Dortmund, "Anonymblick");
        var client = factory.CreateBrowserLikeClient();
        await client.PostWithTokenAsync(Acknowledge(id), new Dictionary<string, string> { ["Acknowledge.Confirmed"] = "true" }).ShouldRedirectToLoginAsync();
        (await factory.LoadHouseholdAsync(id)).CurrentAllocation!.AcknowledgedAtUtc.ShouldBeNull();
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_get_403(string role)
    {
        var id = await factory.AllocatedHouseholdAsync(Dortmund, "Rollenfremd");
        var household = await factory.LoadHouseholdAsync(id);
        var client = await factory.SignedInAsAsync(role);

        await client.PostWithTokenAsync(Acknowledge(id), new Dictionary<string, string>
        {
            ["Acknowledge.AllocationId"] = household.CurrentAllocation!.Id.ToString(), ["Acknowledge.Confirmed"] = "true",
            ["Version"] = household.ConcurrencyStamp.ToString(),
        }).ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        (await factory.LoadHouseholdAsync(id)).CurrentAllocation!.AcknowledgedAtUtc.ShouldBeNull();
    }

    /// <summary>GET and POST answer 404 and the body names nothing of the household.</summary>
    private static async Task NothingOfItAsync(HttpClient client, int id, Household household, string familyName)
    {
        var get = await client.GetAsync(Url(id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        var post = await client.PostWithTokenAsync(Acknowledge(id), new Dictionary<string, string>
        {
            ["Acknowledge.AllocationId"] = household.CurrentAllocation!.Id.ToString(), ["Acknowledge.Confirmed"] = "true",
            ["Version"] = household.ConcurrencyStamp.ToString(),
        }).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        foreach (var body in new[] { get, post })
        {
            body.ShouldNotReveal(familyName);
            body.ShouldNotReveal(household.Reference);
            body.ShouldNotReveal(household.CurrentAllocation!.FileReference);
            body.ShouldNotReveal(SpecialNeeds);
        }
    }

    /// <summary>A municipality's access ends with the support and rent periods: once the sponsorship is completed the household is gone from its pages.</summary>
    [Fact]
    public async Task After_the_sponsorship_is_completed_the_municipality_no_longer_sees_the_household()
    {
        var id = await factory.AllocatedHouseholdAsync(Dortmund, "Zugriffsende-Qadir", persons: 1, arrivedOn: Today.AddMonths(-2), leaseStart: RentEndingThisMonth);
        var client = await MunicipalityAsync();
        (await client.GetAsync(Url(id))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await factory.ExecuteAsync(async db =>
        {
            var sponsorship = await db.Sponsorships.SingleAsync(s => s.HouseholdId == id);
            sponsorship.CompleteAsOf(Today, Today);
            await db.SaveChangesAsync();
        });

        (await client.GetAsync(Url(id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var dashboard = await client.GetPageAsync("/MyMunicipality");
        dashboard.QuerySelector("main")!.TextContent.ShouldNotContain("Zugriffsende-Qadir");
    }
}
