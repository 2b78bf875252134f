using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.MyMunicipality;

namespace NestPortal.Web.Tests.Pages.Admin;

public sealed class AuditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Log = "/Admin/Audit";
    private static DateOnly Today => TestGroups.Today;

    private Task<HttpClient> AdminAsync() => factory.SignedInAsAsync(Roles.Administrator);

    private Task RenameAsync(int householdId, string reference) =>
        factory.ExecuteAsync(async db =>
        {
            var household = await db.Households.Include(h => h.Persons).SingleAsync(h => h.Id == householdId);
            household.ChangeDetails(reference, household.ExpectedArrival, household.SpecialNeedsNote, Today);
            await db.SaveChangesAsync();
        });

    private static IReadOnlyList<string[]> Rows(IHtmlDocument page) => page.TableRows();

    [Fact]
    public async Task Administrator_finds_a_records_entries_newest_first_with_changes_as_old_to_new()
    {
        var id = await factory.CreateHouseholdAsync(reference: "Protokoll-Alt", specialNeedsNote: "Geheim: Diabetes");
        await RenameAsync(id, "Protokoll-Neu");
        var client = await AdminAsync();

        var page = await client.GetPageAsync($"{Log}?entityType=Household&entityId={id}");

        var rows = Rows(page);
        rows.Count.ShouldBe(2);
        rows[0][3].ShouldBe("Geändert");
        rows[0][4].ShouldBe($"Familie {id}");
        rows[0][5].ShouldBe("Aktenzeichen der Familie: Protokoll-Alt → Protokoll-Neu");
        rows[0][0].ShouldStartWith(Today.German());
        rows[0][1].ShouldBe("System");
        rows[1][3].ShouldBe("Angelegt");
        rows[1][5].ShouldContain("Aktenzeichen der Familie: – → Protokoll-Alt");
        rows[1][5].ShouldContain("Besondere Bedarfe: – → (vertraulich)");
        page.DocumentElement.OuterHtml.ShouldNotContain("Diabetes");
        page.QuerySelector("select[name='entityType'] option[selected]")!.GetAttribute("value").ShouldBe("Household");
        page.ValueOf("entityId").ShouldBe(id.ToString());
    }

    [Fact]
    public async Task Administrator_filters_by_user_name_or_id_and_action_and_sees_role_and_request_id()
    {
        var household = await factory.AllocatedHouseholdAsync(MunicipalityHouseholds.Dortmund, "Protokollsicht", persons: 2);
        var municipality = await factory.SignedInAsAsync(Roles.Municipality);
        await municipality.GetPageAsync($"/MyMunicipality/Households/{household}");
        var userId = await factory.DemoMunicipalityUserIdAsync();
        var client = await AdminAsync();

        foreach (var user in new[] { "katrin kommune", userId })
        {
            var page = await client.GetPageAsync($"{Log}?user={Uri.EscapeDataString(user)}&action=Viewed&entityType=Refugee");
            var rows = Rows(page);
            rows.Count.ShouldBeGreaterThanOrEqualTo(2);
            rows.ShouldAllBe(r => r[1] == "Katrin Kommune (Dortmund)" && r[2] == "Kommune" && r[3] == "Angesehen" && r[4].StartsWith("Geflüchtete Person "));
            rows.ShouldAllBe(r => r[6].Length > 0, "every entry carries the request id");
        }

        var changes = await client.GetPageAsync($"{Log}?user=katrin&action=Created");
        changes.MainText().ShouldContain("Keine Einträge gefunden.");
    }

    [Fact]
    public async Task Logged_dates_are_shown_the_german_way()
    {
        var expected = Today.AddDays(40);
        var id = await factory.CreateHouseholdAsync(reference: "Protokoll-Ankunft", expectedArrival: expected);
        var client = await AdminAsync();

        var page = await client.GetPageAsync($"{Log}?entityType=Household&entityId={id}");

        Rows(page).ShouldHaveSingleItem()[5].ShouldContain($"Erwartete Ankunft: – → {expected.German()}");
    }

    [Fact]
    public async Task Administrator_filters_by_german_date_range()
    {
        var id = await factory.CreateHouseholdAsync(reference: "Protokoll-Datum");
        var client = await AdminAsync();
        var record = $"entityType=Household&entityId={id}";

        Rows(await client.GetPageAsync($"{Log}?{record}&from={Today.German()}&to={Today.German()}")).Count.ShouldBe(1);
        Rows(await client.GetPageAsync($"{Log}?{record}&from={Today.Iso()}")).Count.ShouldBe(1);
        (await client.GetPageAsync($"{Log}?{record}&from={Today.AddDays(1).German()}")).MainText().ShouldContain("Keine Einträge gefunden.");
        (await client.GetPageAsync($"{Log}?{record}&to={Today.AddDays(-1).German()}")).MainText().ShouldContain("Keine Einträge gefunden.");
    }

    [Fact]
    public async Task An_unreadable_date_is_refused_in_german_and_the_search_is_kept()
    {
        var client = await AdminAsync();

        var page = await client.GetPageAsync($"{Log}?from=31.02.2026&user=Anton");

        page.ShouldShowError("Bitte geben Sie das Datum als TT.MM.JJJJ an, z. B. 24.11.2026.");
        page.ValueOf("from").ShouldBe("31.02.2026");
        page.QuerySelector("#from")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector("#user")!.HasAttribute("aria-invalid").ShouldBeFalse();
        page.ValueOf("user").ShouldBe("Anton");
        page.QuerySelector("main table").ShouldBeNull();
    }

    [Fact]
    public async Task A_range_ending_before_it_starts_is_refused()
    {
        var client = await AdminAsync();

        var page = await client.GetPageAsync($"{Log}?from={Today.German()}&to={Today.AddDays(-3).German()}");

        page.ShouldShowError("Das Ende des Zeitraums liegt vor seinem Anfang.");
        page.ValueOf("to").ShouldBe(Today.AddDays(-3).German());
    }

    [Fact]
    public async Task The_log_is_paged_by_25_newest_first_and_keeps_the_filters()
    {
        var id = await factory.CreateHouseholdAsync(reference: "Blättern-00");
        for (var i = 1; i <= 26; i++) await RenameAsync(id, $"Blättern-{i:00}");
        var client = await AdminAsync();

        var first = await client.GetPageAsync($"{Log}?entityType=Household&entityId={id}");

        Rows(first).Count.ShouldBe(25);
        Rows(first)[0][5].ShouldBe("Aktenzeichen der Familie: Blättern-25 → Blättern-26");
        first.MainText().ShouldContain("Seite 1 von 2 (27 Einträge)");
        var next = first.QuerySelectorAll("nav .np-pager a").Single(a => a.TextContent.Trim() == "Weiter").GetAttribute("href")!;
        next.ShouldContain($"entityId={id}");
        var second = await client.GetPageAsync(next);
        Rows(second).Count.ShouldBe(2);
        Rows(second)[1][3].ShouldBe("Angelegt");
    }

    [Fact]
    public async Task The_log_page_is_read_only()
    {
        await factory.CreateHouseholdAsync();
        var client = await AdminAsync();

        var page = await client.GetPageAsync(Log);

        Rows(page).Count.ShouldBeGreaterThan(0);
        page.QuerySelectorAll("main form").ShouldAllBe(f => (f.GetAttribute("method") ?? "get").Equals("get", StringComparison.OrdinalIgnoreCase));
        var entries = await factory.QueryAsync(db => db.AuditEntries.CountAsync());
        var post = await client.PostWithTokenAsync(Log, new Dictionary<string, string> { ["entityId"] = "1" });
        post.IsSuccessStatusCode.ShouldBeFalse();
        (await factory.QueryAsync(db => db.AuditEntries.CountAsync())).ShouldBe(entries);
    }

    /// <summary>ADR 0014: of a person the log keeps which fields changed, never the values; an administrator reads no refugee data there.</summary>
    [Fact]
    public async Task Administrator_reads_which_fields_of_a_person_changed_but_no_values()
    {
        var id = await factory.CreateHouseholdAsync(persons: 1, familyName: "Wertlos-Quraishi");
        var personId = await factory.QueryAsync(db => db.Households.Where(h => h.Id == id).SelectMany(h => h.Persons).Select(p => p.Id).SingleAsync());
        var born = await factory.QueryAsync(db => db.Refugees.Where(r => r.Id == personId).Select(r => r.DateOfBirth).SingleAsync());
        var client = await AdminAsync();

        var page = await client.GetPageAsync($"{Log}?entityType=Refugee&entityId={personId}");

        var row = Rows(page).ShouldHaveSingleItem();
        row[3].ShouldBe("Angelegt");
        row[5].ShouldContain("Familienname: – → (vertraulich)");
        row[5].ShouldContain("Geburtsdatum: – → (vertraulich)");
        var html = page.DocumentElement.OuterHtml;
        html.ShouldNotContain("Wertlos-Quraishi");
        html.ShouldNotContain(born.ToString("yyyy-MM-dd"));
        html.ShouldNotContain(born.German());
        (await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Changes != null && a.Changes.Contains("Wertlos-Quraishi"))))
            .ShouldBeFalse("the value is not in the log at all");
    }

    [Fact]
    public async Task Every_search_of_the_log_is_itself_logged_with_its_filters_but_not_a_typed_name()
    {
        var client = await AdminAsync();
        var marker = $"{Random.Shared.Next(100_000, 999_999)}";
        var name = $"Erika Suchname {Guid.NewGuid():N}"[..24];

        await client.GetPageAsync($"{Log}?user={Uri.EscapeDataString(name)}&entityType=Refugee&entityId={marker}");

        var entry = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "AuditLog" && a.Changes!.Contains(marker)).SingleAsync());
        entry.Action.ShouldBe(NestPortal.Data.Auditing.AuditAction.Viewed);
        entry.Role.ShouldBe(Roles.Administrator);
        var changes = entry.Changes!;
        changes.ShouldContain("\"entityType\"");
        changes.ShouldContain("(Name oder E-Mail-Adresse)");
        changes.ShouldNotContain(name, customMessage: "a typed name would outlive the erasure of the person");
        var logged = await client.GetPageAsync($"{Log}?entityType=AuditLog");
        Rows(logged).ShouldContain(r => r[5].Contains(marker), "the search shows up in the log");
    }

    /// <summary>Regression: the log showed internals ("Status: Matched → Allocated", "Vermittelt: False → True", "CreatedAtUtc").</summary>
    [Fact]
    public async Task Administrator_reads_statuses_and_flags_in_words_without_bookkeeping_fields()
    {
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), "Protokoll Wörter");
        var household = await factory.CreateHouseholdAsync(persons: 1);
        await factory.MatchAsync(group, household);
        var client = await AdminAsync();

        var page = await client.GetPageAsync($"{Log}?entityType=Household&entityId={household}");

        var changed = Rows(page).First(r => r[3] == "Geändert")[5];
        changed.ShouldContain("Vermittelt: nein → ja");
        changed.ShouldContain("Status: Erfasst, wartet auf Vermittlung → Vermittelt, wartet auf Zuweisung");
        var all = page.QuerySelector("#audit-table")!.TextContent;
        all.ShouldNotContain("False");
        all.ShouldNotContain("Matched");
        all.ShouldNotContain("CreatedAtUtc");
    }
}
