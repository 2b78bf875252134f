using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Notifications;
using NestPortal.Data.Notifications;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Domain.Common;

namespace NestPortal.Web.Tests.Notifications;

/// <summary>The review's events: a submission reaches the competence centre, a return or an approval the group's main contacts, each once.</summary>
public sealed class GroupNoticesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Dictionary<string, string> NoFields = [];

    /// <summary>A draft group whose first main contact is a signed-in mentor; the second main contact has no account.</summary>
    private async Task<(HttpClient Mentor, int GroupId, string[] Contacts, string MentorId)> DraftAsync(string name)
    {
        var (client, mentor) = await factory.SignedInAsNewMentorAsync();
        string[] contacts = [mentor.Email, $"zweite-{Guid.NewGuid():N}@beispiel.invalid"];
        var id = await factory.CreateGroupAsync(mentor.Id, name, memberEmails: contacts);
        return (client, id, contacts, mentor.Id);
    }

    private static Task<MentoringGroup> GroupAsync(NestPortalDbContext db, int id) =>
        db.MentoringGroups.Include(g => g.History).SingleAsync(g => g.Id == id);

    private static string[] Sorted(params string[] values) => values.Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task A_submission_reaches_the_competence_centre_once_and_a_resubmission_again()
    {
        var (mentor, id, _, _) = await DraftAsync("Benachrichtigung Einreichung");
        var staff = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        (await mentor.PostFormAsync($"/Groups/Submit/{id}", NoFields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await factory.NotifyAgainAsync(async (n, db) => await n.ToCompetenceCentreAsync(GroupNotices.Submitted(await GroupAsync(db, id))));

        var prefix = $"group-submitted:{id}:";
        (await factory.MessageRecipientsAsync(prefix)).ShouldBe([PortalMessage.CompetenceCentre]);
        (await factory.MailRecipientsAsync(prefix)).ShouldBe([factory.CompetenceCentreMailbox()]);

        (await staff.PostFormAsync($"/Review/Details/{id}", new Dictionary<string, string> { ["Return.Remarks"] = "Bitte den Plan ergänzen." }, "handler=Return"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await mentor.PostFormAsync($"/Groups/Submit/{id}", NoFields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await factory.EventKeysAsync(prefix)).ShouldBe([$"{prefix}1", $"{prefix}2"]);
        (await factory.MailRecipientsAsync(prefix)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_return_reaches_each_main_contact_once_with_the_remarks()
    {
        var (mentor, id, contacts, mentorId) = await DraftAsync("Benachrichtigung Rückgabe");
        await mentor.PostFormAsync($"/Groups/Submit/{id}", NoFields);
        var staff = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        (await staff.PostFormAsync($"/Review/Details/{id}", new Dictionary<string, string> { ["Return.Remarks"] = "Bitte die Schulung nachweisen." }, "handler=Return"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await factory.NotifyAgainAsync(async (n, db) => await n.ToGroupContactsAsync(id, GroupNotices.Returned(await GroupAsync(db, id))));

        var prefix = $"group-returned:{id}:";
        (await factory.MessageRecipientsAsync(prefix)).ShouldBe([mentorId]);
        (await factory.MailRecipientsAsync(prefix)).ShouldBe(Sorted(contacts));
        var mail = factory.MailsTo(contacts[0]).Single(m => m.Subject == "Ihre Gruppe wurde zur Überarbeitung zurückgegeben");
        mail.TextBody!.ShouldContain("Bitte die Schulung nachweisen.");
        mail.TextBody!.ShouldContain($"/Groups/Details/{id}");
    }

    [Fact]
    public async Task An_approval_reaches_each_main_contact_once()
    {
        var (mentor, id, contacts, mentorId) = await DraftAsync("Benachrichtigung Freigabe");
        await mentor.PostFormAsync($"/Groups/Submit/{id}", NoFields);
        var staff = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        await staff.PostFormAsync($"/Review/Details/{id}",
            new Dictionary<string, string> { ["Check.CheckedOn"] = TestGroups.Today.Iso(), ["Check.Result"] = "Passed" }, "handler=SecurityCheck");

        (await staff.PostFormAsync($"/Review/Details/{id}", NoFields, "handler=Approve")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await factory.NotifyAgainAsync(async (n, db) => await n.ToGroupContactsAsync(id, GroupNotices.Approved(await GroupAsync(db, id))));

        var prefix = $"group-approved:{id}:";
        (await factory.MessageRecipientsAsync(prefix)).ShouldBe([mentorId]);
        (await factory.MailRecipientsAsync(prefix)).ShouldBe(Sorted(contacts));
    }

    [Fact]
    public async Task A_departure_below_the_minimum_reaches_the_group_and_the_competence_centre_once()
    {
        var (mentor, account) = await factory.SignedInAsNewMentorAsync();
        string[] contacts = [account.Email, $"zweite-{Guid.NewGuid():N}@beispiel.invalid"];
        var id = await factory.CreateApprovedGroupAsync(account.Id, "Benachrichtigung Unterbesetzt", memberEmails: contacts);
        var mentorId = account.Id;
        var leavingMember = (await factory.LoadGroupAsync(id)).Members.First(m => !m.IsMainContact);
        var leaving = leavingMember.Id;
        var fields = new Dictionary<string, string> { ["Input.On"] = TestGroups.Today.Iso(), ["Input.Reason"] = "Umzug", ["Input.Confirmed"] = "true" };

        (await mentor.PostFormAsync($"/Groups/Members/Leave/{id}/{leaving}", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await factory.NotifyAgainAsync(async (n, db) => await n.ToCompetenceCentreAsync(GroupNotices.StaffingBelowMinimum(
            await GroupAsync(db, id), [new("Test")], forStaff: true)));

        var prefix = $"staffing:{id}:";
        (await factory.MessageRecipientsAsync(prefix)).ShouldBe(Sorted(mentorId, PortalMessage.CompetenceCentre));
        var mails = await factory.MailRecipientsAsync(prefix);
        mails.ShouldContain(contacts[0]);
        mails.ShouldContain(factory.CompetenceCentreMailbox());
        mails.Count(m => m == factory.CompetenceCentreMailbox()).ShouldBe(1);
        mails.ShouldNotContain(leavingMember.Email, "the member who left is no longer of the group");
        mails.Count.ShouldBe(4, "the three members still in the group and the competence centre's mailbox");
        var mail = factory.MailsTo(factory.CompetenceCentreMailbox()).Single(m => m.Subject!.Contains("Benachrichtigung Unterbesetzt"));
        mail.TextBody!.ShouldContain("nur noch 3 aktive Mitglieder");
    }
}
