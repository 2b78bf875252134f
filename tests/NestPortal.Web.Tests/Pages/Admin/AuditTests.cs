using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data;
using NestPortal.Data.Identity;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Outreach;
using NestPortal.Web.Authorization;
using NestPortal.Web.Pages.Admin;
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

    /// <summary>The links in the log's record column.</summary>
    private static List<string> RecordLinks(IHtmlDocument page) =>
        page.QuerySelectorAll("#audit-table tbody td:nth-child(5) a").Select(a => a.GetAttribute("href")!).ToList();

    /// <summary>An administrator who also works in the competence centre (a demo address, so no second factor in tests).</summary>
    private async Task<HttpClient> AdministratorAndClerkAsync()
    {
        var email = $"admin-kfi-{Guid.NewGuid():N}@{DemoAccounts.Domain}";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Ada Doppelrolle", CreatedAtUtc = TestClock.UtcNow };
            (await users.CreateAsync(user, Accounts.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRolesAsync(user, [Roles.Administrator, Roles.CompetenceCentre])).Succeeded.ShouldBeTrue();
        }

        return await factory.SignedInAsync(email, Accounts.Password);
    }

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
        rows[0][4].ShouldStartWith("Familie Protokoll-Neu");
        rows[0][4].ShouldEndWith($"Nr. {id}");
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
        var reference = (await factory.LoadHouseholdAsync(household)).Reference;
        var client = await AdminAsync();

        foreach (var user in new[] { "katrin kommune", userId })
        {
            var page = await client.GetPageAsync($"{Log}?user={Uri.EscapeDataString(user)}&action=Viewed&entityType=Refugee");
            var rows = Rows(page);
            rows.Count.ShouldBeGreaterThanOrEqualTo(2);
            foreach (var row in rows)
            {
                row[1].ShouldStartWith("Katrin Kommune (Dortmund)");
                row[2].ShouldBe("Kommune");
                row[3].ShouldBe("Angesehen");
                row[4].ShouldStartWith($"Person der Familie {reference}");
            }

            rows.ShouldAllBe(r => r[6].Length > 0, "every entry carries the request id");
            // The acting account by its address, linked to its page for the administrator.
            var account = DemoUsers.All.Single(u => u.Role == Roles.Municipality).Email;
            foreach (var row in rows) row[1].ShouldEndWith(account);
            page.QuerySelector("#audit-table tbody td:nth-child(2) a")!.GetAttribute("href").ShouldBe("/Admin/Users/Details?id=" + Uri.EscapeDataString(userId));
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
        // Regression: "1 Einträge".
        page.MainText().ShouldContain("Seite 1 von 1 (1 Eintrag)");
    }

    [Fact]
    public async Task Administrator_filters_by_german_date_range()
    {
        var id = await factory.CreateHouseholdAsync(reference: "Protokoll-Datum");
        var client = await AdminAsync();
        var record = $"entityType=Household&entityId={id}";

        var picked = await client.GetPageAsync($"{Log}?{record}&from={Today.Iso()}&to={Today.Iso()}");
        Rows(picked).Count.ShouldBe(1);
        // Date pickers, labelled in German, holding the searched days as ISO dates.
        picked.QuerySelector("#from")!.GetAttribute("type").ShouldBe("date");
        picked.QuerySelector("#to")!.GetAttribute("type").ShouldBe("date");
        picked.ValueOf("from").ShouldBe(Today.Iso());
        picked.QuerySelector("label[for='from']")!.TextContent.Trim().ShouldBe("Von");
        picked.QuerySelector("label[for='to']")!.TextContent.Trim().ShouldBe("Bis");
        // A German date in an older link still finds the day, and the picker shows it.
        var typed = await client.GetPageAsync($"{Log}?{record}&from={Today.German()}&to={Today.German()}");
        Rows(typed).Count.ShouldBe(1);
        typed.ValueOf("to").ShouldBe(Today.Iso());
        (await client.GetPageAsync($"{Log}?{record}&from={Today.AddDays(1).German()}")).MainText().ShouldContain("Keine Einträge gefunden.");
        (await client.GetPageAsync($"{Log}?{record}&to={Today.AddDays(-1).German()}")).MainText().ShouldContain("Keine Einträge gefunden.");
    }

    [Fact]
    public async Task An_unreadable_date_is_refused_in_german_and_the_search_is_kept()
    {
        var client = await AdminAsync();

        var page = await client.GetPageAsync($"{Log}?from=31.02.2026&user=Anton");

        page.ShouldShowError("Bitte wählen Sie ein gültiges Datum.");
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
        page.ValueOf("to").ShouldBe(Today.AddDays(-3).Iso());
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

    /// <summary>Regression: records showed as "Familie 61" with no link.</summary>
    [Fact]
    public async Task Records_are_named_in_words_and_linked_only_where_the_viewer_may_open_them()
    {
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), "Protokoll Verlinkt");
        var household = await factory.CreateHouseholdAsync(reference: "Protokoll-Link", persons: 1);
        var sponsorship = await factory.MatchAsync(group, household);
        var admin = await AdminAsync();
        var both = await AdministratorAndClerkAsync();
        var cases = new (string Query, string Name, string Link)[]
        {
            ($"entityType=Household&entityId={household}", "Familie Protokoll-Link", $"/Households/Details/{household}"),
            ($"entityType=MentoringGroup&entityId={group}", "Gruppe „Protokoll Verlinkt“", $"/Review/Details/{group}"),
            ($"entityType=Sponsorship&entityId={sponsorship}", "Mentoring-Übernahme: Gruppe „Protokoll Verlinkt“, Familie Protokoll-Link", $"/Sponsorships/Details/{sponsorship}"),
        };

        foreach (var (query, name, link) in cases)
        {
            var adminPage = await admin.GetPageAsync($"{Log}?{query}");
            Rows(adminPage).ShouldNotBeEmpty(query);
            Rows(adminPage).ShouldAllBe(r => r[4].StartsWith(name));
            RecordLinks(adminPage).ShouldBeEmpty("an administrator alone cannot open the competence centre's pages");
            (await admin.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

            var bothPage = await both.GetPageAsync($"{Log}?{query}");
            Rows(bothPage).ShouldAllBe(r => r[4].StartsWith(name));
            RecordLinks(bothPage).ShouldNotBeEmpty(query);
            RecordLinks(bothPage).ShouldAllBe(href => href == link);
            (await both.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // A person of the household is named by the household (an administrator reads no person's data) and linked to it.
        var person = (await factory.LoadHouseholdAsync(household)).Persons.Single().Id;
        var personPage = await both.GetPageAsync($"{Log}?entityType=Refugee&entityId={person}");
        Rows(personPage).ShouldAllBe(r => r[4].StartsWith("Person der Familie Protokoll-Link"));
        RecordLinks(personPage).ShouldAllBe(href => href == $"/Households/Details/{household}");
        // Rule sets are the administrators' own page.
        var ruleSetPage = await admin.GetPageAsync($"{Log}?entityType=ProgrammeRuleSet");
        RecordLinks(ruleSetPage).ShouldAllBe(href => href == "/Admin/RuleSets");
    }

    [Fact]
    public async Task Records_are_named_in_english_on_english_pages()
    {
        var household = await factory.CreateHouseholdAsync(reference: "Protokoll-Englisch");
        var client = await AdminAsync();

        var page = await client.GetPageAsync($"{Log}?entityType=Household&entityId={household}&culture=en");

        Rows(page).ShouldHaveSingleItem()[4].ShouldStartWith("Household Protokoll-Englisch");
        page.QuerySelector("label[for='from']")!.TextContent.Trim().ShouldBe("From");
        page.QuerySelector("label[for='to']")!.TextContent.Trim().ShouldBe("To");
    }

    [Fact]
    public async Task A_deleted_record_is_named_as_deleted_without_a_link()
    {
        var outreachId = 0;
        await factory.ExecuteAsync(async db =>
        {
            var outreach = OutreachEvent.Record(Today, "Protokoll-Fachtag", OutreachKind.Conference, null, [Ags.Parse("05913000")], [], Today,
                TestHouseholds.Clerk, TestClock.UtcNow);
            db.OutreachEvents.Add(outreach);
            await db.SaveChangesAsync();
            outreachId = outreach.Id;
        });
        await factory.ExecuteAsync(async db =>
        {
            db.OutreachEvents.Remove(await db.OutreachEvents.Include(o => o.Municipalities).SingleAsync(o => o.Id == outreachId));
            await db.SaveChangesAsync();
        });
        var both = await AdministratorAndClerkAsync();

        var page = await both.GetPageAsync($"{Log}?entityType=OutreachEvent&entityId={outreachId}");

        var rows = Rows(page);
        rows.Select(r => r[3]).ShouldBe(["Gelöscht", "Angelegt"]);
        rows.ShouldAllBe(r => r[4].StartsWith("Maßnahme der Öffentlichkeitsarbeit (gelöscht)"));
        RecordLinks(page).ShouldBeEmpty();
    }

    /// <summary>The filter is read from the audit trail; this fails if a type the trail audits has no option or no words.</summary>
    [Fact]
    public async Task The_type_filter_offers_every_audited_record_type_by_name_in_german_and_english()
    {
        var audited = await factory.QueryAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && NestPortalDbContext.IsAudited(t.ClrType)).Select(t => t.ClrType.Name).ToList()));
        audited.ShouldContain("Household");
        audited.ShouldContain("EscrowEntry");
        var client = await AdminAsync();

        var german = Options(await client.GetPageAsync(Log));
        var english = Options(await client.GetPageAsync($"{Log}?culture=en"));

        foreach (var type in audited.Append(NestPortalDbContext.AuditLogEntityType))
        {
            german.ShouldContainKey(type);
            german[type].ShouldNotBe(type, $"{type} needs a German label");
            english[type].ShouldNotBe(german[type], $"{type} needs an English label");
        }

        german["Household"].ShouldBe("Familie");
        english["Household"].ShouldBe("Household");

        static Dictionary<string, string> Options(IHtmlDocument page) => page.QuerySelectorAll("#entityType option")
            .Where(o => o.GetAttribute("value") is { Length: > 0 }).ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent.Trim());
    }

    [Fact]
    public async Task Filtering_by_each_type_shows_exactly_the_entries_of_that_type()
    {
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), "Protokoll Filter");
        await factory.MatchAsync(group, await factory.CreateHouseholdAsync(persons: 1));
        var client = await AdminAsync();
        var types = (await client.GetPageAsync(Log)).QuerySelectorAll("#entityType option")
            .Select(o => o.GetAttribute("value")!).Where(v => v.Length > 0).ToList();

        foreach (var type in types)
        {
            var expected = await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == type));

            var page = await client.GetPageAsync($"{Log}?entityType={type}");

            Rows(page).Count.ShouldBe(Math.Min(expected, AuditModel.PageSize), type);
            page.QuerySelector("#entityType option[selected]")!.GetAttribute("value").ShouldBe(type);
        }
    }
}
