using System.Net;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Web.Invitations;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Groups.Members;

/// <summary>
/// The member invitation (ADR 0028): a main contact adds a member, the member follows the mailed link,
/// signs in with the invited address and confirms (and corrects) their own details.
/// </summary>
public sealed class ConfirmTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Invalid = "Dieser Einladungslink ist ungültig, schon benutzt oder abgelaufen.";
    private static DateOnly Today => TestGroups.Today;

    /// <summary>A group of the demo mentor with four confirmed members, and a fifth the demo mentor adds through the page.</summary>
    private async Task<(int GroupId, string Email, string Link)> InvitedAsync(string name)
    {
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), name);
        var email = $"eingeladen-{Guid.NewGuid():N}@beispiel.invalid";
        var mainContact = await factory.SignedInAsAsync(Roles.Mentor);
        var response = await mainContact.PostFormAsync($"/Groups/Members/Add/{id}",
            MemberFields.Person("Ina", "Eingeladen", email, Today.AddYears(-33), Today.AddMonths(-1)));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", (await response.ReadHtmlAsync()).Errors()));
        return (id, email, factory.LinkInLatestMailTo(email));
    }

    private async Task<Mentor> MemberAsync(int groupId, string email) =>
        (await factory.LoadGroupAsync(groupId)).Members.Single(m => m.Email == email);

    private static Dictionary<string, string> Corrected(string phone = "0231 987654") => new()
    {
        ["Input.GivenName"] = "Ina",
        ["Input.FamilyName"] = "Eingeladen-Korrigiert",
        ["Input.DateOfBirth"] = Today.AddYears(-33).Iso(),
        ["Input.Phone"] = phone,
        ["Input.TrainingDate"] = Today.AddMonths(-1).Iso(),
    };

    [Fact]
    public async Task Adding_a_member_mails_one_invitation_and_the_member_confirms_their_corrected_details()
    {
        var (id, email, link) = await InvitedAsync("Einladung Glücklich");
        factory.MailsTo(email).ShouldHaveSingleItem().Subject.ShouldBe("Einladung in die Mentorengruppe „Einladung Glücklich“");
        link.ShouldStartWith("/Groups/Members/Confirm?token=");
        var mail = factory.MailsTo(email).Single().TextBody!;
        mail.ShouldContain("hat Sie als Mitglied der Mentorengruppe „Einladung Glücklich“ im NestPortal eingetragen.");
        mail.ShouldNotContain("mitglied1.", customMessage: "no other member's data in the invitation");
        (await MemberAsync(id, email)).IsConfirmed.ShouldBeFalse();

        // Nobody signed in: what to do, with the address for a new account.
        var anonymous = await factory.CreateBrowserLikeClient().GetPageAsync(link);
        anonymous.QuerySelector($"a[href*='/Account/Register?email=']")!.GetAttribute("href")!.ShouldBe($"/Account/Register?email={email}");
        anonymous.QuerySelector("a[href*='/Account/Login?returnUrl=']").ShouldNotBeNull();
        anonymous.QuerySelector("input[name='Input.GivenName']").ShouldBeNull();

        var member = await factory.CreateMentorAsync(email, "Ina Eingeladen");
        var client = await factory.SignedInAsync(member.Email, member.Password);
        var form = await client.GetPageAsync(link);
        form.ValueOf("Input.FamilyName").ShouldBe("Eingeladen");
        form.QuerySelector("[data-fact=member-email]")!.TextContent.ShouldBe(email);

        var response = await client.PostFormAsync(link, Corrected());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", (await response.ReadHtmlAsync()).Errors()));
        response.Location().ShouldBe($"/Groups/Details/{id}");
        var saved = await MemberAsync(id, email);
        saved.IsConfirmed.ShouldBeTrue();
        saved.FamilyName.ShouldBe("Eingeladen-Korrigiert");
        saved.Phone.ShouldBe("0231 987654");
        saved.InvitationTokenHash.ShouldBeNull();
        (await factory.LoadGroupAsync(id)).History.Last().Action.ShouldBe(GroupAction.MemberConfirmed);
        var page = await client.GetPageAsync($"/Groups/Details/{id}");
        page.MainText().ShouldContain("Danke, Ihre Angaben sind bestätigt.");
        page.QuerySelector("[data-check=members-confirmed]").ShouldNotBeNull();

        // Single use: the same link again says what an unknown one says.
        (await client.GetPageAsync(link)).MainText().ShouldContain(Invalid);
        (await factory.CreateBrowserLikeClient().GetPageAsync("/Groups/Members/Confirm?token=unbekannt")).MainText().ShouldContain(Invalid);
    }

    [Fact]
    public async Task A_member_already_in_the_group_is_not_invited_again_and_adding_oneself_needs_no_invitation()
    {
        var (id, email, _) = await InvitedAsync("Einladung Einmal");
        var mainContact = await factory.SignedInAsAsync(Roles.Mentor);

        var again = await mainContact.PostFormAsync($"/Groups/Members/Add/{id}",
            MemberFields.Person("Ina", "Nochmal", email, Today.AddYears(-33), Today.AddMonths(-1)));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.MailsTo(email).Count.ShouldBe(1);

        var own = DemoUsers.All.Single(u => u.Role == Roles.Mentor).Email;
        var self = await mainContact.PostFormAsync($"/Groups/Members/Add/{id}",
            MemberFields.Person("Miriam", "Selbst", own, Today.AddYears(-50), Today.AddMonths(-1)));
        self.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await MemberAsync(id, own)).IsConfirmed.ShouldBeTrue();
        (await factory.LoadGroupAsync(id)).History.ShouldNotContain(h => h.Action == GroupAction.MemberInvited && h.Details == "Miriam Selbst");
    }

    [Fact]
    public async Task Signed_in_with_another_account_the_member_is_told_and_nothing_changes()
    {
        var (id, email, link) = await InvitedAsync("Einladung Falsches Konto");
        var before = await factory.LoadGroupAsync(id);
        var (other, _) = await factory.SignedInAsNewMentorAsync();

        var page = await other.GetPageAsync(link);
        page.QuerySelector("[data-fact=invitation-wrong-account]").ShouldNotBeNull();
        page.QuerySelector("input[name='Input.GivenName']").ShouldBeNull();
        page.MainText().ShouldNotContain(email);

        var response = await other.PostWithTokenAsync(link, Corrected());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await factory.ShouldBeUnchangedSinceAsync(before);
        (await MemberAsync(id, email)).IsConfirmed.ShouldBeFalse();
    }

    [Fact]
    public async Task An_expired_link_is_refused_like_an_unknown_one()
    {
        var (id, email, _) = await InvitedAsync("Einladung Abgelaufen");
        var memberId = await factory.MemberIdAsync(id, email);
        const string token = "abgelaufenes-token-fuer-den-test";
        // Issued one day more than the default validity ago.
        await factory.ChangeGroupAsync(id, (group, actor, now) =>
            group.InviteMember(memberId, MemberInvitations.Hash(token), actor, now.AddDays(-new GroupsOptions().InvitationValidDays - 1)));
        var member = await factory.CreateMentorAsync(email);
        var client = await factory.SignedInAsync(member.Email, member.Password);

        var page = await client.GetPageAsync($"/Groups/Members/Confirm?token={token}");

        page.MainText().ShouldContain(Invalid);
        page.QuerySelector("input[name='Input.GivenName']").ShouldBeNull();
        var response = await client.PostWithTokenAsync($"/Groups/Members/Confirm?token={token}", Corrected());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MemberAsync(id, email)).IsConfirmed.ShouldBeFalse();
    }

    [Fact]
    public async Task Invalid_input_keeps_the_form_in_German_and_saves_nothing()
    {
        var (id, email, link) = await InvitedAsync("Einladung Ungültig");
        var member = await factory.CreateMentorAsync(email);
        var client = await factory.SignedInAsync(member.Email, member.Password);
        var before = await factory.LoadGroupAsync(id);

        var response = await client.PostFormAsync(link, new Dictionary<string, string>(Corrected()) { ["Input.GivenName"] = "", ["Input.Phone"] = "0231 abc" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Vorname");
        page.ShouldShowError("Die Telefonnummer darf nur Ziffern, Leerzeichen und + ( ) / - enthalten.");
        page.ValueOf("Input.FamilyName").ShouldBe("Eingeladen-Korrigiert");
        page.ValueOf("Input.Phone").ShouldBe("0231 abc");
        await factory.ShouldBeUnchangedSinceAsync(before);
        (await MemberAsync(id, email)).IsConfirmed.ShouldBeFalse();
    }

    [Theory]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Staff_are_refused_even_with_a_valid_link(string role)
    {
        var (id, email, link) = await InvitedAsync($"Einladung {role}");
        var client = await factory.SignedInAsAsync(role);

        var body = await client.GetAsync(link).ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        body.ShouldNotReveal("Eingeladen");
        await client.PostWithTokenAsync(link, Corrected()).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        (await MemberAsync(id, email)).IsConfirmed.ShouldBeFalse();
    }

    [Fact]
    public async Task The_member_corrects_their_details_later_from_the_group_page_and_others_get_a_404()
    {
        var (id, email, link) = await InvitedAsync("Einladung Später");
        var member = await factory.CreateMentorAsync(email);
        var client = await factory.SignedInAsync(member.Email, member.Password);
        (await client.PostFormAsync(link, Corrected())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var group = await client.GetPageAsync($"/Groups/Details/{id}");
        var own = group.QuerySelector("[data-link=own-details] a")!;
        own.TextContent.Trim().ShouldBe("Meine Angaben");
        var response = await client.PostFormAsync(own.GetAttribute("href")!, Corrected(phone: "0231 111"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await MemberAsync(id, email)).Phone.ShouldBe("0231 111");
        var (stranger, _) = await factory.SignedInAsNewMentorAsync();
        await stranger.GetAsync($"/Groups/Members/Confirm?id={id}").ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await factory.CreateBrowserLikeClient().GetAsync($"/Groups/Members/Confirm?id={id}").ShouldRedirectToLoginAsync();
    }
}
