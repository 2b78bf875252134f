using Microsoft.EntityFrameworkCore;
using System.Net;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Groups;

public sealed class DetailsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int id) => $"/Groups/Details/{id}";

    [Fact]
    public async Task Owner_sees_the_group_with_members_plan_and_history()
    {
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Details Vollständig", ags: "05711000");
        var group = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await client.GetPageAsync(Url(id));

        page.QuerySelector("h1")!.TextContent.ShouldBe("Details Vollständig");
        var text = page.MainText();
        text.ShouldContain("Entwurf");
        text.ShouldContain("Bielefeld, Stadt (33597) – 05711000");
        text.ShouldContain("Mitglieder (4)");
        foreach (var member in group.Members)
        {
            text.ShouldContain(member.DisplayName);
            text.ShouldContain(member.Email);
        }

        page.QuerySelector(".support-plan")!.TextContent.ShouldBe(TestGroups.SupportPlan);
        text.ShouldContain("Gruppe angelegt – Gruppen-Anleger");
        text.ShouldContain("Alle Voraussetzungen sind erfüllt.");
        page.QuerySelector($"main a[href='/Groups/Submit/{id}']").ShouldNotBeNull();
        page.QuerySelector($"main a[href='/Groups/Edit/{id}']").ShouldNotBeNull();
        page.QuerySelector($"main a[href='/Groups/Members/Add/{id}']").ShouldNotBeNull();
        page.QuerySelectorAll("main a[href^='/Groups/Members/Remove/']").Length.ShouldBe(4);
    }

    [Fact]
    public async Task History_times_are_shown_in_German_time()
    {
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Details Uhrzeit", members: 0, withSupportPlan: false);
        var created = (await factory.LoadGroupAsync(id)).History.Single(h => h.Action == Domain.MentoringGroups.GroupAction.Created);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var expected = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(created.OccurredAtUtc, DateTimeKind.Utc), berlin)
            .ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await client.GetPageAsync(Url(id));

        var entry = page.QuerySelectorAll("main ol li").Single(li => li.TextContent.Contains("Gruppe angelegt"));
        entry.QuerySelector("time")!.TextContent.ShouldBe(expected, "a group in NRW reads its history in German time, whatever the server's zone");
    }

    [Fact]
    public async Task Incomplete_group_shows_what_is_missing()
    {
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Details Unvollständig", members: 1, withSupportPlan: false);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await client.GetPageAsync(Url(id));

        var missing = page.QuerySelectorAll("main ul.checklist li").Select(li => li.TextContent).ToList();
        missing.ShouldContain(m => m.Contains("Die Gruppe hat 1 Mitglied;") && m.Contains("braucht sie mindestens 4."));
        missing.ShouldContain("Es ist 1 Hauptansprechperson markiert; die Gruppe braucht genau 2.");
        missing.ShouldContain("Der Unterstützungsplan fehlt.");
        page.MainText().ShouldContain("Noch kein Unterstützungsplan.");
        page.QuerySelector($"main a[href='/Groups/Submit/{id}']").ShouldBeNull();
    }

    [Fact]
    public async Task Returned_group_shows_the_remarks_and_can_be_edited()
    {
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Details Zurückgegeben",
            submittedOn: TestGroups.Today, returnRemarks: "Bitte nennen Sie, wer die Arzttermine begleitet.");
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await client.GetPageAsync(Url(id));

        page.QuerySelector(".kern-alert--warning")!.TextContent.ShouldContain("Bitte nennen Sie, wer die Arzttermine begleitet.");
        page.MainText().ShouldContain("Zur Überarbeitung zurückgegeben");
        page.QuerySelector($"main a[href='/Groups/Edit/{id}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Submitted_group_offers_no_changes()
    {
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Details Eingereicht", submittedOn: TestGroups.Today);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await client.GetPageAsync(Url(id));

        page.MainText().ShouldContain("Die Gruppe ist eingereicht. Das Kompetenzzentrum für Integration prüft sie");
        page.MainText().ShouldContain($"Eingereicht am {TestGroups.Today.German()}");
        page.QuerySelector($"main a[href='/Groups/Edit/{id}']").ShouldBeNull();
        page.QuerySelector($"main a[href='/Groups/Members/Add/{id}']").ShouldBeNull();
        page.QuerySelectorAll("main a[href^='/Groups/Members/']").Length.ShouldBe(0);
    }

    [Fact]
    public async Task Name_with_markup_is_shown_as_text()
    {
        const string name = "<script>alert(1)</script><b>fett</b>";
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), name);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.GetAsync(Url(id));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("<script>alert(1)</script>");
        html.ShouldNotContain("<b>fett</b>");
        (await response.ReadHtmlAsync()).QuerySelector("h1")!.TextContent.ShouldBe(name);
    }

    [Fact]
    public async Task Posting_to_the_group_page_is_refused_without_a_server_error()
    {
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Details Post Eigene");
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.PostWithTokenAsync(Url(id));

        ((int)response.StatusCode).ShouldBeInRange(400, 499, "the page has nothing to post to; a 500 is a crash");
    }

    [Fact]
    public async Task Unknown_group_is_404()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        (await client.GetAsync(Url(999_999)).ShouldBeStatusAsync(HttpStatusCode.NotFound)).ShouldContain("Seite nicht gefunden");
    }

    [Fact]
    public async Task Another_mentor_gets_404_and_nothing_of_the_group()
    {
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Details Fremdgruppe Rittersporn");
        var group = await factory.LoadGroupAsync(id);
        var (client, _) = await factory.SignedInAsNewMentorAsync();

        var get = await client.GetAsync(Url(id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        // The page takes no POST at all: 405 for everyone, before anything is loaded.
        var post = await client.PostWithTokenAsync(Url(id)).ShouldBeStatusAsync(HttpStatusCode.MethodNotAllowed);

        foreach (var body in new[] { get, post })
        {
            body.ShouldNotReveal("Rittersporn");
            body.ShouldNotReveal(group.Members.First().Email);
        }
    }

    [Fact]
    public async Task Another_mentor_cannot_see_the_seeded_groups_of_others()
    {
        var (client, _) = await factory.SignedInAsNewMentorAsync();
        foreach (var name in new[] { "Willkommensteam Hörde", "Patenkreis Bielefeld-Mitte", "Initiative Köln-Ehrenfeld" })
        {
            var body = await client.GetAsync(Url(await factory.GroupIdAsync(name))).ShouldBeStatusAsync(HttpStatusCode.NotFound);
            body.ShouldNotReveal(name);
        }
    }

    [Fact]
    public async Task Mentor_listed_as_member_sees_the_group()
    {
        var member = await factory.CreateMentorAsync();
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Details Mitglied sieht", memberEmails: ["x." + Guid.NewGuid().ToString("N")[..6] + "@beispiel.invalid", member.Email]);
        var client = await factory.SignedInAsync(member.Email, member.Password);

        var page = await client.GetPageAsync(Url(id));

        page.QuerySelector("h1")!.TextContent.ShouldBe("Details Mitglied sieht");
    }

    /// <summary>Regression: after a match the page said the group was still waiting for a family, right above "Ihre Familie".</summary>
    [Fact]
    public async Task An_approved_group_says_whether_it_waits_supports_or_has_completed()
    {
        var id = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), "Details Begleitung");
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        string State(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("[data-fact=group-state]")!.TextContent;

        State(await client.GetPageAsync(Url(id))).ShouldBe("Die Gruppe ist freigegeben und wartet auf die Vermittlung einer Familie.");

        var sponsorship = await factory.MatchAsync(id, await factory.CreateHouseholdAsync(persons: 1));
        var matched = await client.GetPageAsync(Url(id));
        State(matched).ShouldBe("Ihre Gruppe begleitet eine Familie.");
        matched.MainText().ShouldNotContain("wartet auf die Vermittlung");

        await factory.ExecuteAsync(async db =>
        {
            var s = await db.Sponsorships.SingleAsync(x => x.Id == sponsorship);
            s.CompleteAsOf(TestGroups.Today, TestGroups.Today);
            await db.SaveChangesAsync();
        });
        State(await client.GetPageAsync(Url(id))).ShouldBe("Die Begleitung Ihrer Familie ist abgeschlossen.");
    }

    /// <summary>The checklist names who has not confirmed; re-sending mails a new link and the old one stops working (ADR 0028).</summary>
    [Fact]
    public async Task The_checklist_names_unconfirmed_members_and_resending_invalidates_the_old_link()
    {
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Details Einladung");
        var email = $"nachzuegler-{Guid.NewGuid():N}@beispiel.invalid";
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        (await client.PostFormAsync($"/Groups/Members/Add/{id}", Members.MemberFields.Adult("Nora", "Nachzügler", email)))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var firstLink = factory.LinkInLatestMailTo(email);

        var page = await client.GetPageAsync(Url(id));
        page.QuerySelectorAll(".checklist li.missing").Select(li => li.TextContent.Trim())
            .ShouldContain(t => t.StartsWith("Noch nicht bestätigt: Nora Nachzügler."));
        page.QuerySelector("[data-check=members-confirmed]").ShouldBeNull();
        page.QuerySelector($"main a[href='/Groups/Submit/{id}']").ShouldBeNull();
        page.QuerySelector("[data-list=unconfirmed]")!.TextContent.ShouldContain("Noch nicht bestätigt: Nora Nachzügler");

        var response = await client.PostFormAsync(Url(id), new Dictionary<string, string>(), actionContains: "handler=Resend");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync(Url(id))).MainText().ShouldContain("Die Einladung an Nora Nachzügler ist erneut gesendet; der frühere Link gilt nicht mehr.");
        factory.MailsTo(email).Count.ShouldBe(2);
        var secondLink = factory.LinkInLatestMailTo(email);
        secondLink.ShouldNotBe(firstLink);
        var member = await factory.CreateMentorAsync(email);
        var memberClient = await factory.SignedInAsync(member.Email, member.Password);
        (await memberClient.GetPageAsync(firstLink)).MainText().ShouldContain("Dieser Einladungslink ist ungültig, schon benutzt oder abgelaufen.");
        (await memberClient.PostFormAsync(secondLink, Members.MemberFields.Adult("Nora", "Nachzügler", email))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var confirmed = await client.GetPageAsync(Url(id));
        confirmed.QuerySelector("[data-check=members-confirmed]")!.TextContent.ShouldBe("Alle Mitglieder haben ihre Angaben bestätigt.");
        confirmed.QuerySelector("[data-list=unconfirmed]").ShouldBeNull();
        confirmed.QuerySelector($"main a[href='/Groups/Submit/{id}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Resending_to_a_confirmed_member_is_refused_and_sends_nothing()
    {
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Details Bestätigt");
        var group = await factory.LoadGroupAsync(id);
        var member = group.Members.First();
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var version = (await client.GetPageAsync(Url(id))).ValueOf("Version") ?? group.ConcurrencyStamp.ToString();

        var response = await client.PostWithTokenAsync($"{Url(id)}?handler=Resend&memberId={member.Id}", new Dictionary<string, string> { ["Version"] = version });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError($"{member.DisplayName} hat die eigenen Angaben schon bestätigt.");
        factory.MailsTo(member.Email).ShouldBeEmpty();
        await factory.ShouldBeUnchangedSinceAsync(group);
    }
}
