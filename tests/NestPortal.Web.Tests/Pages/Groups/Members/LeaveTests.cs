using System.Net;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Groups.Members;

public sealed class LeaveTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int id, int memberId) => $"/Groups/Members/Leave/{id}/{memberId}";
    private static DateOnly Today => DepartureGroups.Today;

    private static Dictionary<string, string> Form(DateOnly? on = null, string reason = "Umzug nach Hamburg", bool confirmed = true) => new()
    {
        ["Input.On"] = (on ?? Today).Iso(),
        ["Input.Reason"] = reason,
        ["Input.Confirmed"] = confirmed ? "true" : "false",
    };

    [Fact]
    public async Task A_member_leaves_stays_listed_as_left_and_the_group_is_warned_until_a_replacement_joins()
    {
        var (id, members) = await factory.ApprovedGroupAsync("Leave Glücksfall");
        var leaving = members[3];
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var before = await client.GetPageAsync($"/Groups/Details/{id}");
        before.QuerySelector("[data-warning]").ShouldBeNull();
        before.QuerySelector($"main a[href='{Url(id, leaving.Id)}']").ShouldNotBeNull("Leave is offered for an approved group");
        before.QuerySelector($"main a[href='/Groups/Members/Remove/{id}/{leaving.Id}']").ShouldBeNull("an approved group cannot remove members");

        var form = await client.GetPageAsync(Url(id, leaving.Id));
        form.MainText().ShouldContain("die Miete wird weiter aus dem Mietkonto gezahlt");
        var response = await client.PostFormAsync(Url(id, leaving.Id), Form());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Groups/Details/{id}");
        var details = await client.GetPageAsync(response.Location());
        var text = details.MainText();
        text.ShouldContain($"Das Ausscheiden von {leaving.DisplayName} ist erfasst.");
        text.ShouldContain("Mitglieder (3)");
        text.ShouldContain($"Ausgeschiedene Mitglieder (1) {leaving.DisplayName} – ausgeschieden am {Today.German()}: Umzug nach Hamburg");
        details.TableRows().ShouldNotContain(r => r[0] == leaving.DisplayName);
        details.QuerySelector("[data-warning=staffing]")!.TextContent.ShouldContain(
            "Die Gruppe hat nur noch 3 aktive Mitglieder; nach den Regeln „NesT Regelprogramm“ braucht sie mindestens 4.");
        text.ShouldContain($"Mitglied ausgeschieden – Miriam Mentorin: {leaving.DisplayName}");
        var saved = (await factory.LoadGroupAsync(id)).Members.Single(m => m.Id == leaving.Id);
        saved.LeftOn.ShouldBe(Today);
        saved.LeavingReason.ShouldBe("Umzug nach Hamburg");

        var added = await client.PostFormAsync($"/Groups/Members/Add/{id}", new Dictionary<string, string>
        {
            ["Kind"] = "NaturalPerson",
            ["GivenName"] = "Rita",
            ["FamilyName"] = "Ersatz",
            ["DateOfBirth"] = Today.AddYears(-40).Iso(),
            ["Email"] = $"rita.{Guid.NewGuid():N}@beispiel.invalid",
            ["TrainingDate"] = Today.AddMonths(-1).Iso(),
        });

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", (await added.ReadHtmlAsync()).Errors()));
        var mended = await client.GetPageAsync($"/Groups/Details/{id}");
        mended.QuerySelector("[data-warning]").ShouldBeNull();
        mended.MainText().ShouldContain("Mitglieder (4)");
        (await factory.LoadGroupAsync(id)).Members.Count.ShouldBe(5);
    }

    [Fact]
    public async Task A_future_date_is_refused_with_the_form_kept_and_nothing_saved()
    {
        var (id, members) = await factory.ApprovedGroupAsync("Leave Zukunft");
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.PostFormAsync(Url(id, members[3].Id), Form(on: Today.AddDays(3), reason: "Umzug demnächst"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError($"Das Datum ({Today.AddDays(3).German()}) liegt in der Zukunft.");
        page.ValueOf("Input.Reason").ShouldBe("Umzug demnächst");
        page.ValueOf("Input.On").ShouldBe(Today.AddDays(3).Iso());
        await factory.ShouldBeUnchangedSinceAsync(before);
        (await factory.LoadGroupAsync(id)).Members.ShouldAllBe(m => m.LeftOn == null);
    }

    [Fact]
    public async Task An_empty_reason_or_a_missing_confirmation_is_refused_and_nothing_saved()
    {
        var (id, members) = await factory.ApprovedGroupAsync("Leave Ohne Grund");
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await (await client.PostFormAsync(Url(id, members[3].Id), Form(reason: " ", confirmed: false))).ReadHtmlAsync();

        page.ShouldShowError(e => e.Contains("Grund", StringComparison.Ordinal), "naming the reason");
        page.ShouldShowError("Bitte bestätigen Sie Ihre Angaben; sie können im Portal nicht rückgängig gemacht werden.");
        page.ValueOf("Input.On").ShouldBe(Today.Iso());
        await factory.ShouldBeUnchangedSinceAsync(before);
        (await factory.LoadGroupAsync(id)).Members.ShouldAllBe(m => m.LeftOn == null);
    }

    [Fact]
    public async Task Leaving_twice_is_refused_and_keeps_the_first_departure()
    {
        var (id, members) = await factory.ApprovedGroupAsync("Leave Zweimal");
        await factory.LeaveAsync(id, members[3].Id, "Erster Grund");
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var reopened = await client.GetAsync(Url(id, members[3].Id));
        reopened.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a member who left is not offered the form again");
        var response = await client.PostWithTokenAsync(Url(id, members[3].Id),
            new Dictionary<string, string>(Form()) { ["Version"] = before.ConcurrencyStamp.ToString() });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError($"{members[3].DisplayName} ist bereits am {Today.German()} ausgeschieden.");
        await factory.ShouldBeUnchangedSinceAsync(before);
        (await factory.LoadGroupAsync(id)).Members.Single(m => m.Id == members[3].Id).LeavingReason.ShouldBe("Erster Grund");
    }

    [Fact]
    public async Task A_draft_group_is_not_offered_the_page_and_a_post_is_refused()
    {
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Leave Entwurf");
        var before = await factory.LoadGroupAsync(id);
        var memberId = before.Members.First().Id;
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        (await client.GetPageAsync($"/Groups/Details/{id}")).QuerySelector($"main a[href='{Url(id, memberId)}']").ShouldBeNull();

        var response = await client.PostFormOpenedBeforeAsync(Url(id, memberId), Form(), before.ConcurrencyStamp);

        (await response.ReadHtmlAsync()).ShouldShowError("Ein Ausscheiden wird nur für freigegebene Gruppen erfasst");
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task A_stale_form_is_refused_after_someone_else_changed_the_group()
    {
        var (id, members) = await factory.ApprovedGroupAsync("Leave Gleichzeitig");
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var shownVersion = (await client.GetPageAsync(Url(id, members[3].Id))).ValueOf("Version")!;
        await factory.LeaveAsync(id, members[2].Id, "Im anderen Tab erfasst");
        var before = await factory.LoadGroupAsync(id);

        var response = await client.PostFormAsync(Url(id, members[3].Id), new Dictionary<string, string>(Form()) { ["Version"] = shownVersion });

        (await response.ReadHtmlAsync()).ShouldShowError("Die Gruppe wurde inzwischen von jemand anderem geändert.");
        await factory.ShouldBeUnchangedSinceAsync(before);
        (await factory.LoadGroupAsync(id)).Members.Single(m => m.Id == members[3].Id).LeftOn.ShouldBeNull();
    }

    [Theory]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_are_refused(string role)
    {
        var (id, members) = await factory.ApprovedGroupAsync("Leave Rolle " + role);
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(role);

        await client.PostWithTokenAsync(Url(id, members[3].Id), Form()).ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task A_mentor_of_another_group_gets_404_and_nothing_of_the_record()
    {
        var (clientB, mentorB) = await factory.SignedInAsNewMentorAsync();
        var (ownId, _) = await factory.ApprovedGroupAsync("Leave Gruppe von B", mentorB.Id);
        var (otherId, otherMembers) = await factory.ApprovedGroupAsync("Leave Gruppe von A Lindgrün");
        var before = await factory.LoadGroupAsync(otherId);

        foreach (var url in new[] { Url(otherId, otherMembers[3].Id), Url(ownId, otherMembers[3].Id) })
        {
            var body = await clientB.GetAsync(url).ShouldBeStatusAsync(HttpStatusCode.NotFound);
            body.ShouldNotReveal(otherMembers[3].DisplayName);
            body.ShouldNotReveal("Lindgrün");
            await clientB.PostWithTokenAsync(url, Form()).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        }

        await factory.ShouldBeUnchangedSinceAsync(before);
        (await factory.LoadGroupAsync(otherId)).Members.ShouldAllBe(m => m.LeftOn == null);
    }
}
