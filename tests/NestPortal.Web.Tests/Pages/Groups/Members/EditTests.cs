using System.Net;
using AngleSharp.Html.Dom;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Groups.Members;

public sealed class EditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int id, int memberId) => $"/Groups/Members/Edit/{id}/{memberId}";
    private static DateOnly Today => TestGroups.Today;

    private async Task<(int GroupId, Mentor Member)> GroupAsync(string name, DateOnly? submittedOn = null, int memberIndex = 2)
    {
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), name, submittedOn: submittedOn);
        var member = (await factory.LoadGroupAsync(id)).Members.OrderBy(m => m.Id).ElementAt(memberIndex);
        return (id, member);
    }

    [Fact]
    public async Task Form_shows_the_member_as_saved()
    {
        var (id, member) = await GroupAsync("MEdit Formular");
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await client.GetPageAsync(Url(id, member.Id));

        page.MainText().ShouldContain($"MEdit Formular: {member.DisplayName}");
        page.ValueOf("Input.GivenName").ShouldBe(member.GivenName);
        page.ValueOf("Input.FamilyName").ShouldBe(member.FamilyName);
        page.ValueOf("Input.Email").ShouldBe(member.Email);
        page.ValueOf("Input.DateOfBirth").ShouldBe(member.DateOfBirth!.Value.Iso());
        page.ValueOf("Input.TrainingDate").ShouldBe(member.TrainingDate!.Value.Iso());
        (page.QuerySelector("input[name='Input.IsMainContact']") as IHtmlInputElement)!.IsChecked.ShouldBe(member.IsMainContact);
    }

    [Fact]
    public async Task Mentor_changes_a_member()
    {
        var (id, member) = await GroupAsync("MEdit Ändern");
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var fields = MemberFields.Person("Greta", "Neuname", "greta.neu@beispiel.invalid", Today.AddYears(-52), Today.AddDays(-7), phone: "0231 98765");

        var response = await client.PostFormAsync(Url(id, member.Id), fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Groups/Details/{id}");
        var details = await client.GetPageAsync(response.Location());
        details.MainText().ShouldContain("Die Angaben zum Mitglied sind gespeichert.");
        details.MainText().ShouldContain("Greta Neuname");
        details.MainText().ShouldContain("Mitglied geändert – Miriam Mentorin: Greta Neuname");

        var saved = (await factory.LoadGroupAsync(id)).Members.Single(m => m.Id == member.Id);
        saved.GivenName.ShouldBe("Greta");
        saved.FamilyName.ShouldBe("Neuname");
        saved.Email.ShouldBe("greta.neu@beispiel.invalid");
        saved.Phone.ShouldBe("0231 98765");
        saved.DateOfBirth.ShouldBe(Today.AddYears(-52));
        saved.TrainingDate.ShouldBe(Today.AddDays(-7));
    }

    [Fact]
    public async Task Main_contact_can_be_handed_over()
    {
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "MEdit Übergabe");
        var members = (await factory.LoadGroupAsync(id)).Members.OrderBy(m => m.Id).ToList();
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var first = members[0];
        var third = members[2];

        (await client.PostFormAsync(Url(id, first.Id), MemberFields.Person(first.GivenName!, first.FamilyName!, first.Email,
            first.DateOfBirth!.Value, first.TrainingDate, mainContact: false))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.PostFormAsync(Url(id, third.Id), MemberFields.Person(third.GivenName!, third.FamilyName!, third.Email,
            third.DateOfBirth!.Value, third.TrainingDate, mainContact: true))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var saved = await factory.LoadGroupAsync(id);
        saved.Members.Where(m => m.IsMainContact).Select(m => m.Id).Order().ShouldBe(new[] { members[1].Id, third.Id }.Order());
    }

    [Fact]
    public async Task Email_of_another_member_in_other_case_is_refused()
    {
        var (id, member) = await GroupAsync("MEdit Doppelt");
        var other = (await factory.LoadGroupAsync(id)).Members.First(m => m.Id != member.Id).Email;
        var fields = MemberFields.Person(member.GivenName!, member.FamilyName!, other.ToUpperInvariant(), member.DateOfBirth!.Value, member.TrainingDate);

        var page = await RefusedAsync(id, member.Id, fields);

        page.ShouldShowError($"Die E-Mail-Adresse {other} gehört schon zu einem anderen Mitglied dieser Gruppe.");
        page.ValueOf("Input.Email").ShouldBe(other.ToUpperInvariant());
    }

    [Fact]
    public async Task Keeping_the_own_email_is_fine()
    {
        var (id, member) = await GroupAsync("MEdit Eigene Adresse");
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var fields = MemberFields.Person(member.GivenName!, member.FamilyName!, member.Email.ToUpperInvariant(), member.DateOfBirth!.Value, member.TrainingDate, phone: "0211 1");

        var response = await client.PostFormAsync(Url(id, member.Id), fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.LoadGroupAsync(id)).Members.Single(m => m.Id == member.Id).Phone.ShouldBe("0211 1");
    }

    [Fact]
    public async Task Third_main_contact_is_refused()
    {
        var (id, member) = await GroupAsync("MEdit Dritte Hauptansprechperson");
        member.IsMainContact.ShouldBeFalse();
        var fields = MemberFields.Person(member.GivenName!, member.FamilyName!, member.Email, member.DateOfBirth!.Value, member.TrainingDate, mainContact: true);

        var page = await RefusedAsync(id, member.Id, fields);

        page.ShouldShowError("Es gibt schon 2 Hauptansprechpersonen. Nehmen Sie zuerst bei einem anderen Mitglied die Markierung zurück.");
    }

    [Fact]
    public async Task Under_age_date_of_birth_is_refused()
    {
        var (id, member) = await GroupAsync("MEdit Minderjährig");
        var born = Today.AddYears(-10);
        var fields = MemberFields.Person(member.GivenName!, member.FamilyName!, member.Email, born, member.TrainingDate);

        var page = await RefusedAsync(id, member.Id, fields);

        page.ShouldShowError("Mitglieder müssen volljährig sein");
        page.ValueOf("Input.DateOfBirth").ShouldBe(born.Iso());
    }

    [Fact]
    public async Task Stale_version_is_refused_after_someone_else_changed_the_group()
    {
        var (id, member) = await GroupAsync("MEdit Gleichzeitig");
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var shownVersion = (await client.GetPageAsync(Url(id, member.Id))).ValueOf("Version")!;
        await factory.ChangeGroupAsync(id, (group, actor, now) =>
            group.ChangeDetails(group.Name, group.HomeMunicipalityAgs, "Plan aus dem anderen Tab", actor, now));
        var before = await factory.LoadGroupAsync(id);
        var fields = new Dictionary<string, string>(MemberFields.Person("Überholt", member.FamilyName!, member.Email, member.DateOfBirth!.Value, member.TrainingDate))
        {
            ["Version"] = shownVersion,
        };

        var response = await client.PostFormAsync(Url(id, member.Id), fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Die Gruppe wurde inzwischen von jemand anderem geändert.");
        page.ValueOf("Input.GivenName").ShouldBe("Überholt");
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Submitted_group_members_cannot_be_changed()
    {
        var (id, member) = await GroupAsync("MEdit Eingereicht", submittedOn: Today);
        var fields = MemberFields.Person("Später", member.FamilyName!, member.Email, member.DateOfBirth!.Value, member.TrainingDate);

        var page = await RefusedAsync(id, member.Id, fields, openedBefore: true);

        page.ShouldShowError("Die Gruppe ist eingereicht und kann erst wieder bearbeitet werden, wenn das Kompetenzzentrum sie zurückgibt.");
    }

    [Fact]
    public async Task Member_of_another_group_in_the_url_is_404()
    {
        var (ownId, _) = await GroupAsync("MEdit Eigene Gruppe");
        var (otherId, otherMember) = await GroupAsync("MEdit Andere Gruppe Lavendel");
        var before = await factory.LoadGroupAsync(otherId);
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var fields = MemberFields.Person("Umgeleitet", "Mitglied", otherMember.Email, otherMember.DateOfBirth!.Value, otherMember.TrainingDate);

        await client.GetAsync(Url(ownId, otherMember.Id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.PostWithTokenAsync(Url(ownId, otherMember.Id), fields).ShouldBeStatusAsync(HttpStatusCode.NotFound);

        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Member_of_another_mentors_group_in_the_url_is_404()
    {
        var (clientB, mentorB) = await factory.SignedInAsNewMentorAsync();
        var ownId = await factory.CreateGroupAsync(mentorB.Id, "MEdit Gruppe von B");
        var (otherId, otherMember) = await GroupAsync("MEdit Gruppe von A Flieder");
        var before = await factory.LoadGroupAsync(otherId);
        var fields = MemberFields.Person("Gekapert", "Mitglied", "gekapert@beispiel.invalid", Today.AddYears(-30), Today.AddMonths(-1));

        var get = await clientB.GetAsync(Url(ownId, otherMember.Id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await clientB.PostWithTokenAsync(Url(ownId, otherMember.Id), fields).ShouldBeStatusAsync(HttpStatusCode.NotFound);

        get.ShouldNotReveal(otherMember.DisplayName);
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Anonymous_is_sent_to_login()
    {
        var (id, member) = await GroupAsync("MEdit Anonym");
        var before = await factory.LoadGroupAsync(id);
        var client = factory.CreateBrowserLikeClient();
        await client.PostWithTokenAsync(Url(id, member.Id), MemberFields.Adult("Anonym", "Person", member.Email)).ShouldRedirectToLoginAsync();
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Theory]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.CompetenceCentre)]
    public async Task Staff_get_403(string role)
    {
        var (id, member) = await GroupAsync($"MEdit Staff {role}");
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(role);
        await client.PostWithTokenAsync(Url(id, member.Id), MemberFields.Adult("Staff", "Person", member.Email)).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Another_mentor_gets_404_and_nothing_of_the_group()
    {
        var (id, member) = await GroupAsync("MEdit Fremdgruppe Mohnblume");
        var before = await factory.LoadGroupAsync(id);
        var (client, mentorB) = await factory.SignedInAsNewMentorAsync();

        var get = await client.GetAsync(Url(id, member.Id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        var post = await client.PostWithTokenAsync(Url(id, member.Id), MemberFields.Adult("Bernd", "Eindringling", mentorB.Email))
            .ShouldBeStatusAsync(HttpStatusCode.NotFound);

        get.ShouldNotReveal("Mohnblume");
        post.ShouldNotReveal("Mohnblume");
        get.ShouldNotReveal(member.Email);
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    private async Task<IHtmlDocument> RefusedAsync(int id, int memberId, Dictionary<string, string> fields, bool openedBefore = false)
    {
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var response = openedBefore
            ? await client.PostFormOpenedBeforeAsync(Url(id, memberId), fields, before.ConcurrencyStamp)
            : await client.PostFormAsync(Url(id, memberId), fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await factory.ShouldBeUnchangedSinceAsync(before);
        return await response.ReadHtmlAsync();
    }

    /// <summary>ADR 0028: a change by the group to what a member confirmed asks the member again; the mark alone does not.</summary>
    [Fact]
    public async Task Changing_what_a_member_confirmed_invites_them_again_and_the_main_contact_mark_does_not()
    {
        var (id, member) = await GroupAsync("MEdit Bestätigung", memberIndex: 0);
        member.IsMainContact.ShouldBeTrue();
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        // The same details without the main-contact mark (an unchecked box is not sent).
        var same = MemberFields.Person(member.GivenName!, member.FamilyName!, member.Email, member.DateOfBirth!.Value, member.TrainingDate);

        (await client.PostFormAsync(Url(id, member.Id), same)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.LoadGroupAsync(id)).Members.Single(m => m.Id == member.Id).IsConfirmed.ShouldBeTrue();
        factory.MailsTo(member.Email).ShouldBeEmpty();

        (await client.PostFormAsync(Url(id, member.Id), new Dictionary<string, string>(same) { ["Input.Phone"] = "0231 4711" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var saved = (await factory.LoadGroupAsync(id)).Members.Single(m => m.Id == member.Id);
        saved.IsConfirmed.ShouldBeFalse();
        saved.InvitationTokenHash.ShouldNotBeNull();
        factory.MailsTo(member.Email).ShouldHaveSingleItem().Subject.ShouldBe("Einladung in die Mentorengruppe „MEdit Bestätigung“");
        (await client.GetPageAsync($"/Groups/Details/{id}")).MainText()
            .ShouldContain("Die Angaben zum Mitglied sind gespeichert. Das Mitglied hat eine Einladung erhalten, um sie zu bestätigen.");
    }
}
