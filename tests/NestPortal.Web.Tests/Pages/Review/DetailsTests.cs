using System.Net;
using AngleSharp.Html.Dom;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.Groups.Members;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Common;

namespace NestPortal.Web.Tests.Pages.Review;

public sealed class DetailsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int id) => $"/Review/Details/{id}";
    private static string Handler(int id, string handler) => $"/Review/Details/{id}?handler={handler}";
    private static DateOnly Today => TestGroups.Today;

    private async Task<int> SubmittedAsync(string name, DateOnly? submittedOn = null) =>
        await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), name, submittedOn: submittedOn ?? Today);

    private static Dictionary<string, string> Check(string date, string result) => new()
    {
        ["Check.CheckedOn"] = date,
        ["Check.Result"] = result,
    };

    private async Task<HttpClient> StaffAsync() => await factory.SignedInAsAsync(Roles.CompetenceCentre);

    [Fact]
    public async Task Staff_see_the_group_with_its_members_and_the_decision_forms()
    {
        var id = await SubmittedAsync("Review Ansicht");
        var group = await factory.LoadGroupAsync(id);
        var client = await StaffAsync();

        var page = await client.GetPageAsync(Url(id));

        page.QuerySelector("h1")!.TextContent.ShouldBe("Review Ansicht");
        var text = page.MainText();
        text.ShouldContain("Eingereicht");
        text.ShouldContain("noch nicht erfasst");
        text.ShouldContain(TestGroups.SupportPlan);
        foreach (var member in group.Members) text.ShouldContain(member.DisplayName);
        page.QuerySelector("form[action*='handler=SecurityCheck']").ShouldNotBeNull();
        page.QuerySelector("form[action*='handler=Approve']").ShouldNotBeNull();
        page.QuerySelector("form[action*='handler=Return']").ShouldNotBeNull();
        page.QuerySelectorAll("main a[href^='/Groups/Members/']").Length.ShouldBe(0);
    }

    [Fact]
    public async Task Staff_record_a_passed_security_check_and_approve_the_group()
    {
        var id = await SubmittedAsync("Review Freigabe");
        var client = await StaffAsync();

        var check = await client.PostFormAsync(Url(id), Check(Today.Iso(), "Passed"), "handler=SecurityCheck");

        check.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        check.Location().ShouldBe($"/Review/Details/{id}");
        var afterCheck = await client.GetPageAsync(check.Location());
        afterCheck.MainText().ShouldContain("Die Sicherheitsüberprüfung ist erfasst.");
        afterCheck.MainText().ShouldContain($"ohne Bedenken, {Today.German()}");
        afterCheck.MainText().ShouldContain("Sicherheitsüberprüfung erfasst – Karl Kompetenz (KfI): ohne Bedenken");
        var checkedGroup = await factory.LoadGroupAsync(id);
        checkedGroup.SecurityCheckDate.ShouldBe(Today);
        checkedGroup.SecurityCheckResult.ShouldBe(SecurityCheckResult.Passed);
        checkedGroup.Status.ShouldBe(GroupStatus.Submitted);

        var approve = await client.PostFormAsync(Url(id), new Dictionary<string, string>(), "handler=Approve");

        approve.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var approved = await client.GetPageAsync(approve.Location());
        approved.MainText().ShouldContain("Die Gruppe ist freigegeben.");
        approved.QuerySelector(".status-badge")!.TextContent.ShouldBe("Freigegeben");
        approved.MainText().ShouldContain("Für diese Gruppe steht keine Entscheidung an.");
        (await factory.LoadGroupAsync(id)).Status.ShouldBe(GroupStatus.Approved);

        var mentor = await factory.SignedInAsAsync(Roles.Mentor);
        var mentorsView = await mentor.GetPageAsync($"/Groups/Details/{id}");
        mentorsView.MainText().ShouldContain("Die Gruppe ist freigegeben und wartet auf die Vermittlung einer Familie.");
    }

    [Fact]
    public async Task Approving_and_returning_store_a_notice_the_group_reads_as_sent()
    {
        var returnedId = await SubmittedAsync("Review Bescheid Rückgabe");
        var approvedId = await SubmittedAsync("Review Bescheid Freigabe");
        var staff = await StaffAsync();
        foreach (var id in new[] { returnedId, approvedId })
            (await staff.PostFormAsync(Url(id), Check(Today.Iso(), "Passed"), "handler=SecurityCheck")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await staff.PostFormAsync(Url(returnedId), new Dictionary<string, string> { ["Return.Remarks"] = "Bitte nennen Sie die Begleitung zu Behördengängen." },
            "handler=Return")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.PostFormAsync(Url(approvedId), new Dictionary<string, string>(), "handler=Approve")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var returnNotice = await factory.QueryAsync(db => db.Letters.AsNoTracking().SingleAsync(l => l.GroupId == returnedId));
        returnNotice.Kind.ShouldBe(NestPortal.Domain.Letters.LetterKind.GroupReturn);
        var returnText = PdfText.Of(returnNotice.Content);
        returnText.ShouldContain("Bezirksregierung Arnsberg – Kompetenzzentrum für Integration");
        returnText.ShouldContain("Mentoring-Gruppe „Review Bescheid Rückgabe“");
        returnText.ShouldContain("Rückgabe Ihrer Einreichung zur Überarbeitung");
        returnText.ShouldContain("Anmerkungen des Kompetenzzentrums Bitte nennen Sie die Begleitung zu Behördengängen.");
        returnText.ShouldContain("Im Auftrag Karl Kompetenz (KfI)");
        var approvalNotice = await factory.QueryAsync(db => db.Letters.AsNoTracking().SingleAsync(l => l.GroupId == approvedId));
        approvalNotice.Kind.ShouldBe(NestPortal.Domain.Letters.LetterKind.GroupApproval);
        PdfText.Of(approvalNotice.Content).ShouldContain($"hat die Gruppe „Review Bescheid Freigabe“ am {Today.German()} für das Aufnahmeprogramm");

        // The group's mentor reads the notice on the group's page: the stored bytes.
        var mentor = await factory.SignedInAsAsync(Roles.Mentor);
        var page = await mentor.GetPageAsync($"/Groups/Details/{approvedId}");
        var link = page.QuerySelectorAll("#notices a").Last().GetAttribute("href")!;
        var served = await (await mentor.GetAsync(link)).PdfAsync();
        served.ShouldBe(approvalNotice.Content);
        (await (await staff.GetAsync($"{Handler(returnedId, "Notice")}&letterId={returnNotice.Id}")).PdfAsync()).ShouldBe(returnNotice.Content);
        // One group's notice is not another's.
        await mentor.GetAsync($"/Groups/Details/{approvedId}?handler=Notice&letterId={returnNotice.Id}").ShouldBeStatusAsync(HttpStatusCode.NotFound);
        var (stranger, _) = await factory.SignedInAsNewMentorAsync();
        await stranger.GetAsync(link).ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_refused_approval_stores_no_notice()
    {
        var id = await SubmittedAsync("Review Bescheid Verweigert");
        var client = await StaffAsync();

        (await client.PostFormAsync(Url(id), new Dictionary<string, string>(), "handler=Approve")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await factory.QueryAsync(db => db.Letters.CountAsync(l => l.GroupId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task Returned_group_is_mended_by_the_mentor_and_submitted_again()
    {
        var id = await SubmittedAsync("Review Rückgabe");
        var staff = await StaffAsync();
        (await staff.PostFormAsync(Url(id), Check(Today.Iso(), "Passed"), "handler=SecurityCheck")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var returned = await staff.PostFormAsync(Url(id), new Dictionary<string, string>
        {
            ["Return.Remarks"] = "Bitte ergänzen Sie, wer die Familie zu Arztterminen begleitet.",
        }, "handler=Return");

        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.GetPageAsync(returned.Location())).MainText().ShouldContain("Die Gruppe ist mit Ihren Anmerkungen zurückgegeben.");
        var saved = await factory.LoadGroupAsync(id);
        saved.Status.ShouldBe(GroupStatus.Returned);
        saved.ReviewRemarks.ShouldBe("Bitte ergänzen Sie, wer die Familie zu Arztterminen begleitet.");
        // Regression: the return used to drop the check just recorded; it concerns the persons and stays.
        saved.SecurityCheckResult.ShouldBe(SecurityCheckResult.Passed);
        (await staff.GetPageAsync(Url(id))).MainText().ShouldNotContain("noch nicht erfasst");

        var mentor = await factory.SignedInAsAsync(Roles.Mentor);
        var details = await mentor.GetPageAsync($"/Groups/Details/{id}");
        details.QuerySelector(".kern-alert--warning")!.TextContent.ShouldContain("Bitte ergänzen Sie, wer die Familie zu Arztterminen begleitet.");
        details.QuerySelector(".status-badge")!.TextContent.ShouldBe("Zur Überarbeitung zurückgegeben");

        var edited = await mentor.PostFormAsync($"/Groups/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Review Rückgabe",
            ["Input.HomeMunicipality"] = "Bochum",
            ["Input.SupportPlan"] = TestGroups.SupportPlan + " Arzttermine: Vorname3 Familie3.",
        });
        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var resubmitted = await mentor.PostFormAsync($"/Groups/Submit/{id}", new Dictionary<string, string>());
        resubmitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var again = await mentor.GetPageAsync($"/Groups/Details/{id}");
        again.QuerySelector(".status-badge")!.TextContent.ShouldBe("Eingereicht");
        again.QuerySelector(".kern-alert--warning").ShouldBeNull();
        var final = await factory.LoadGroupAsync(id);
        final.Status.ShouldBe(GroupStatus.Submitted);
        final.SupportPlan!.ShouldEndWith("Arzttermine: Vorname3 Familie3.");
        final.History.Count(h => h.Action == GroupAction.Submitted).ShouldBe(2);
        final.SecurityCheckResult.ShouldBe(SecurityCheckResult.Passed, "only the plan changed, not the members");
        (await staff.GetPageAsync("/Review?search=R%C3%BCckgabe")).TableRows().Single()[6].ShouldBe("Eingereicht");
    }

    [Fact]
    public async Task Security_check_without_date_is_refused()
    {
        var id = await SubmittedAsync("Review Ohne Datum");
        var page = await RefusedAsync(id, Check("", "Passed"), "handler=SecurityCheck");
        page.ShouldShowError("Datum der Überprüfung");
        page.QuerySelector("select[name='Check.Result'] option[selected]")!.GetAttribute("value").ShouldBe("Passed");
    }

    [Fact]
    public async Task Security_check_in_the_future_is_refused()
    {
        var id = await SubmittedAsync("Review Datum Zukunft");
        var future = Today.AddDays(3);
        var page = await RefusedAsync(id, Check(future.Iso(), "Passed"), "handler=SecurityCheck");
        page.ShouldShowError($"Das Datum der Sicherheitsüberprüfung ({future.German()}) liegt in der Zukunft.");
        page.ValueOf("Check.CheckedOn").ShouldBe(future.Iso());
    }

    [Fact]
    public async Task Security_check_without_result_is_refused()
    {
        var id = await SubmittedAsync("Review Ohne Ergebnis");
        var page = await RefusedAsync(id, Check(Today.Iso(), ""), "handler=SecurityCheck");
        page.ShouldShowError("Ergebnis");
        page.ValueOf("Check.CheckedOn").ShouldBe(Today.Iso());
    }

    [Fact]
    public async Task Return_without_remarks_is_refused()
    {
        var id = await SubmittedAsync("Review Ohne Anmerkungen");
        var page = await RefusedAsync(id, new Dictionary<string, string> { ["Return.Remarks"] = "" }, "handler=Return");
        page.ShouldShowError("Anmerkungen für die Gruppe");
        page.Errors().ShouldNotContain(e => e.Contains("field is required"), "an English framework message on a German page");
    }

    [Fact]
    public async Task Return_with_blank_remarks_is_refused()
    {
        var id = await SubmittedAsync("Review Leere Anmerkungen");
        var page = await RefusedAsync(id, new Dictionary<string, string> { ["Return.Remarks"] = "   " }, "handler=Return");
        page.Errors().Count.ShouldBeGreaterThan(0);
        page.Errors().ShouldNotContain(e => e.Contains("field is required"), "an English framework message on a German page");
    }

    [Fact]
    public async Task Approval_without_security_check_is_refused()
    {
        var id = await SubmittedAsync("Review Ohne Prüfung");
        var page = await RefusedAsync(id, [], "handler=Approve");
        page.ShouldShowError("Eine Gruppe kann erst nach einer Sicherheitsüberprüfung ohne Bedenken freigegeben werden.");
    }

    [Fact]
    public async Task Approval_after_a_failed_security_check_is_refused()
    {
        var id = await SubmittedAsync("Review Mit Bedenken");
        var client = await StaffAsync();
        (await client.PostFormAsync(Url(id), Check(Today.Iso(), "Failed"), "handler=SecurityCheck")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync(Url(id))).MainText().ShouldContain($"mit Bedenken, {Today.German()}");

        var page = await RefusedAsync(id, [], "handler=Approve");

        page.ShouldShowError("Eine Gruppe kann erst nach einer Sicherheitsüberprüfung ohne Bedenken freigegeben werden.");
    }

    [Fact]
    public async Task Approving_a_group_a_colleague_has_just_returned_says_why_nothing_happened()
    {
        var id = await SubmittedAsync("Review Kollegin gab zurück");
        var client = await StaffAsync();
        var shownVersion = (await client.GetPageAsync(Url(id))).ValueOf("Version")!;
        await factory.ChangeGroupAsync(id, (group, actor, now) => group.ReturnForChanges("Bitte Plan ergänzen.", actor, now));
        var before = await factory.LoadGroupAsync(id);

        // The clerk's page is older than the return: its Approve button is posted as it was shown.
        var response = await client.PostWithTokenAsync($"{Url(id)}?handler=Approve", new Dictionary<string, string> { ["Version"] = shownVersion });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await factory.ShouldBeUnchangedSinceAsync(before);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError(e => e.Contains("Nur eingereichte Gruppen können freigegeben werden.") || e.Contains("inzwischen von jemand anderem geändert"),
            "saying the group is no longer submitted or was changed meanwhile");
    }

    [Fact]
    public async Task Stale_version_is_refused_after_a_colleague_changed_the_group()
    {
        var id = await SubmittedAsync("Review Gleichzeitig");
        var client = await StaffAsync();
        var shownVersion = (await client.GetPageAsync(Url(id))).ValueOf("Version")!;
        await factory.ChangeGroupAsync(id, (group, actor, now) =>
            group.RecordSecurityCheck(Today, SecurityCheckResult.Passed, Today, actor, now));
        var before = await factory.LoadGroupAsync(id);

        var response = await client.PostFormAsync(Url(id), new Dictionary<string, string> { ["Version"] = shownVersion }, "handler=Approve");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await factory.ShouldBeUnchangedSinceAsync(before);
        before.Status.ShouldBe(GroupStatus.Submitted);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Die Gruppe wurde inzwischen von jemand anderem geändert.");
        page.QuerySelector(".status-badge")!.TextContent.ShouldBe("Eingereicht", "the page must not show the unsaved approval");
    }

    [Fact]
    public async Task Unknown_group_is_404()
    {
        var client = await StaffAsync();
        await client.GetAsync(Url(999_999)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.PostWithTokenAsync(Handler(999_999, "Approve")).ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anonymous_is_sent_to_login()
    {
        var id = await SubmittedAsync("Review Anonym");
        var before = await factory.LoadGroupAsync(id);
        var client = factory.CreateBrowserLikeClient();
        await client.PostWithTokenAsync(Handler(id, "SecurityCheck"), Check(Today.Iso(), "Passed")).ShouldRedirectToLoginAsync();
        await client.PostWithTokenAsync(Handler(id, "Approve")).ShouldRedirectToLoginAsync();
        await client.PostWithTokenAsync(Handler(id, "Return"), new Dictionary<string, string> { ["Return.Remarks"] = "x" }).ShouldRedirectToLoginAsync();
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_get_403(string role)
    {
        var id = await SubmittedAsync($"Review Fremdrolle {role} Margerite");
        await factory.ChangeGroupAsync(id, (group, actor, now) => group.RecordSecurityCheck(Today, SecurityCheckResult.Passed, Today, actor, now));
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(role);

        await client.PostWithTokenAsync(Handler(id, "SecurityCheck"), Check(Today.Iso(), "Failed")).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        await client.PostWithTokenAsync(Handler(id, "Approve")).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        await client.PostWithTokenAsync(Handler(id, "Return"), new Dictionary<string, string> { ["Return.Remarks"] = "x" }).ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    private async Task<IHtmlDocument> RefusedAsync(int id, Dictionary<string, string> fields, string handler)
    {
        var before = await factory.LoadGroupAsync(id);
        var client = await StaffAsync();
        var response = await client.PostFormAsync(Url(id), fields, handler);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await factory.ShouldBeUnchangedSinceAsync(before);
        return await response.ReadHtmlAsync();
    }

    private const string WarningList = "/Review?status=warning";

    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) => page.TableRows().Select(r => r[0]).ToList();

    [Fact]
    public async Task A_group_short_of_members_is_warned_on_its_review_page_and_listed_until_a_replacement_joins()
    {
        var (id, members) = await factory.ApprovedGroupAsync("Warnung Wenige Mitglieder");
        await factory.LeaveAsync(id, members[3].Id);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var review = await client.GetPageAsync($"/Review/Details/{id}");
        review.QuerySelector("[data-warning=staffing]")!.TextContent.ShouldContain("Die Gruppe hat nur noch 3 aktive Mitglieder");
        review.MainText().ShouldContain($"{members[3].DisplayName} – ausgeschieden am {Today.German()}: Umzug");
        var list = await client.GetPageAsync(WarningList + "&search=Warnung%20Wenige");
        list.TableRows().Single().Select(c => System.Text.RegularExpressions.Regex.Replace(c, @"\s+", " ")).ShouldBe(["Warnung Wenige Mitglieder", "Bochum, Stadt", "Reg.-Bez. Arnsberg", Today.German(), "3", "ohne Bedenken", "Freigegeben Warnung: unterbesetzt"],
            "active members only");

        await factory.AddReplacementAsync(id);

        Names(await client.GetPageAsync(WarningList + "&search=Warnung%20Wenige")).ShouldBeEmpty();
        (await client.GetPageAsync($"/Review/Details/{id}")).QuerySelector("[data-warning]").ShouldBeNull();
    }
}
