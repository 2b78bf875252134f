using System.Net;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Notifications;

/// <summary>An arrival date set or changed reaches the municipality and the group once per date; no refugee's name with it.</summary>
public sealed class SponsorshipNoticesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Dortmund = "05913000";
    private const string RefugeeName = "Abdulrahimi";
    private static readonly string MunicipalityClerk = DemoUsers.All.Single(u => u.Role == Roles.Municipality).Email;

    private static Dictionary<string, string> Details(string reference, DateOnly? expected) => new()
    {
        ["Input.Reference"] = reference,
        ["Input.ExpectedArrival"] = expected?.Iso() ?? string.Empty,
        ["Input.SpecialNeedsNote"] = string.Empty,
    };

    [Fact]
    public async Task An_arrival_date_reaches_the_municipality_and_every_member_once_and_a_changed_date_again()
    {
        var reference = "NesT-A-" + Guid.NewGuid().ToString("N")[..6];
        var household = await factory.CreateHouseholdAsync(reference, familyName: RefugeeName);
        var mentor = await factory.CreateMentorAsync();
        string[] members = [mentor.Email, $"b-{Guid.NewGuid():N}@beispiel.invalid", $"c-{Guid.NewGuid():N}@beispiel.invalid", $"d-{Guid.NewGuid():N}@beispiel.invalid"];
        var group = await factory.CreateApprovedGroupAsync(mentor.Id, "Einreise Benachrichtigt", memberEmails: members);
        await factory.MatchAsync(group, household);
        await factory.AllocateAsync(household, Dortmund);
        var staff = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var first = TestGroups.Today.AddDays(20);

        (await staff.PostFormAsync($"/Households/Edit/{household}", Details(reference, first))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // Saved again with the same date (the note changed, say): not a new arrival date, so nobody is told again.
        (await staff.PostFormAsync($"/Households/Edit/{household}", Details(reference, first))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var key = $"arrival-date:{household}:{first:yyyy-MM-dd}";
        (await factory.MailRecipientsAsync(key)).ShouldBe([.. members.Append(MunicipalityClerk)], ignoreOrder: true);
        (await factory.MessageRecipientsAsync(key)).Count.ShouldBe(2, "the mentor's account and the municipality's; the other members have none");
        var mail = factory.MailsTo(MunicipalityClerk).Single(m => m.Subject!.Contains(reference));
        mail.Subject!.ShouldNotContain(RefugeeName);
        mail.TextBody!.ShouldNotContain(RefugeeName);
        mail.TextBody!.ShouldContain($"/MyMunicipality/Households/{household}");

        (await staff.PostFormAsync($"/Households/Edit/{household}", Details(reference, first.AddDays(7)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.MailRecipientsAsync($"arrival-date:{household}:")).Count.ShouldBe(2 * (members.Length + 1));
    }

    [Fact]
    public async Task A_household_with_neither_a_group_nor_a_municipality_tells_nobody()
    {
        var reference = "NesT-A-" + Guid.NewGuid().ToString("N")[..6];
        var household = await factory.CreateHouseholdAsync(reference);
        var staff = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        (await staff.PostFormAsync($"/Households/Edit/{household}", Details(reference, TestGroups.Today.AddDays(5)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await factory.MailRecipientsAsync($"arrival-date:{household}:")).ShouldBeEmpty();
    }
}
