using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Account.Manage;

/// <summary>
/// A member deletes their account: erased in their groups, the account gone, signed out; refused with a
/// reason while a group of theirs sponsors a family; a wrong password or a missing confirmation keeps
/// everything. Other roles are refused in the access matrix.
/// </summary>
public sealed class DeleteTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Url = "/Account/Manage/Delete";

    private async Task<(TestMentor Mentor, HttpClient Client, int Group)> MemberOfADraftGroupAsync()
    {
        var mentor = await factory.CreateMentorAsync(displayName: "Lea Löschwunsch");
        var other = Accounts.NewEmail("bleibt");
        var group = await factory.CreateGroupAsync(mentor.Id, $"Löschgruppe {Guid.NewGuid():N}"[..24], memberEmails: [mentor.Email, other]);
        return (mentor, await factory.SignedInAsync(mentor.Email, mentor.Password), group);
    }

    [Fact]
    public async Task A_member_deletes_the_account_and_is_erased_from_the_group()
    {
        var (mentor, client, group) = await MemberOfADraftGroupAsync();
        var membersBefore = await factory.QueryAsync(db => db.MentoringGroups.Where(g => g.Id == group).SelectMany(g => g.Members).CountAsync());

        var response = await client.PostFormAsync(Url, new Dictionary<string, string> { ["Input.Password"] = mentor.Password, ["Input.Confirmed"] = "true" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Id == mentor.Id))).ShouldBeFalse("the account is gone");
        // A group still being put together loses the member outright; the others stay.
        var members = await factory.QueryAsync(db => db.MentoringGroups.Where(g => g.Id == group).SelectMany(g => g.Members).ToListAsync());
        members.ShouldNotContain(m => m.Email == NestPortal.Domain.MentoringGroups.Mentor.NormaliseEmail(mentor.Email));
        members.Count.ShouldBe(membersBefore - 1, "the other members stay");
        (await client.GetAsync("/Account/Manage")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "signed out");
    }

    [Fact]
    public async Task A_wrong_password_or_no_confirmation_deletes_nothing()
    {
        var (mentor, client, group) = await MemberOfADraftGroupAsync();

        var wrong = await (await client.PostFormAsync(Url, new Dictionary<string, string> { ["Input.Password"] = "falsch-falsch-falsch", ["Input.Confirmed"] = "true" })).ReadHtmlAsync();
        wrong.Errors().ShouldContain("Das Passwort stimmt nicht. Ihr Konto ist nicht gelöscht.");
        var unconfirmed = await (await client.PostFormAsync(Url, new Dictionary<string, string> { ["Input.Password"] = mentor.Password })).ReadHtmlAsync();
        unconfirmed.Errors().ShouldContain("Bitte bestätigen Sie, dass Ihr Konto und Ihre Angaben endgültig gelöscht werden sollen.");

        (await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Id == mentor.Id))).ShouldBeTrue();
        (await factory.QueryAsync(db => db.MentoringGroups.Where(g => g.Id == group).SelectMany(g => g.Members)
            .AnyAsync(m => m.Email == NestPortal.Domain.MentoringGroups.Mentor.NormaliseEmail(mentor.Email)))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_member_of_a_sponsoring_group_is_told_why_and_whom_to_ask_and_a_post_changes_nothing()
    {
        var mentor = await factory.CreateMentorAsync(displayName: "Max Mitten");
        var group = await factory.CreateApprovedGroupAsync(mentor.Id, $"Begleitet {Guid.NewGuid():N}"[..20], memberEmails: [mentor.Email, Accounts.NewEmail("b")]);
        await factory.MatchAsync(group, await factory.CreateHouseholdAsync(persons: 1));
        var client = await factory.SignedInAsync(mentor.Email, mentor.Password);

        var page = await client.GetPageAsync(Url);
        page.QuerySelector("[data-fact=blocked]")!.TextContent.ShouldContain("kfi@nestportal.invalid");
        page.QuerySelector("main form[method=post]").ShouldBeNull("no form while the group sponsors");

        var response = await client.PostWithTokenAsync(Url, new Dictionary<string, string> { ["Input.Password"] = mentor.Password, ["Input.Confirmed"] = "true" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Id == mentor.Id))).ShouldBeTrue();
    }
}
