using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Documents;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Documents;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Review.Members;

public sealed class AccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int id, int memberId) => $"/Review/Members/Access/{id}/{memberId}";

    /// <summary>
    /// A mentor with an account, member of two groups (one with a family matched), and a fellow member
    /// whose address must not appear in the mentor's export.
    /// </summary>
    private async Task<(TestMentor Mentor, int Group, int SecondGroup, int Member, string Fellow, string HouseholdReference, string RefugeeName)> MentorInTwoGroupsAsync()
    {
        var mentor = await factory.CreateMentorAsync(displayName: "Helga Auskunft");
        var fellow = $"mitstreiter-{Guid.NewGuid():N}@beispiel.invalid";
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var group = await factory.CreateApprovedGroupAsync(mentor.Id, $"Auskunftskreis {suffix}", memberEmails: [mentor.Email, fellow]);
        var second = await factory.CreateGroupAsync("someone-else", $"Zweitgruppe {suffix}", memberEmails: ["andere@beispiel.invalid", mentor.Email.ToUpperInvariant()]);
        var refugeeName = $"Geheimfamilie{suffix}";
        var household = await factory.CreateHouseholdAsync(familyName: refugeeName);
        await factory.MatchAsync(group, household);
        var reference = (await factory.LoadHouseholdAsync(household)).Reference;
        return (mentor, group, second, await factory.MemberIdAsync(group, mentor.Email), fellow, reference, refugeeName);
    }

    [Fact]
    public async Task Staff_see_the_members_data_in_every_group_the_account_and_the_households_only_by_reference()
    {
        var (mentor, group, second, memberId, fellow, reference, refugeeName) = await MentorInTwoGroupsAsync();
        // The mentor acts in the portal: opening the group's family logs views by their account.
        var mentorClient = await factory.SignedInAsync(mentor.Email, mentor.Password);
        await mentorClient.GetPageAsync($"/Groups/Household/{group}");
        var account = await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == mentor.Id));
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var review = await client.GetPageAsync($"/Review/Details/{group}");
        review.QuerySelector($"a[href='{Url(group, memberId)}']")!.TextContent.ShouldContain("Auskunft (Art. 15)");
        var response = await client.GetAsync(Url(group, memberId));
        var body = await response.Content.ReadAsStringAsync();
        var page = await response.ReadHtmlAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Auskunft (Art. 15 DSGVO): Vorname1 Familie1");
        page.QuerySelectorAll("[data-member]").Length.ShouldBe(2, "the member's record in both groups");
        var accountFacts = page.QuerySelector("[data-section='account']")!.TextContent;
        accountFacts.ShouldContain(mentor.Email);
        accountFacts.ShouldContain("Helga Auskunft");
        var groups = page.QuerySelector("[data-list='groups']")!.TextContent;
        groups.ShouldContain((await factory.LoadGroupAsync(group)).Name);
        groups.ShouldContain((await factory.LoadGroupAsync(second)).Name);
        groups.ShouldContain(reference);
        page.QuerySelector("[data-fact='action-count']")!.TextContent.ShouldNotContain("verzeichnet 0 Einträge");
        page.QuerySelector("[data-table='actions']")!.TextContent.ShouldContain("Geflüchtete Person");

        body.ShouldNotReveal(refugeeName);
        body.ShouldNotReveal(fellow);
        body.ShouldNotReveal(account.PasswordHash!);
        body.ShouldNotReveal(account.SecurityStamp!);
    }

    [Fact]
    public async Task The_json_download_has_the_expected_fields_and_no_secret_of_the_account()
    {
        var (mentor, group, _, memberId, fellow, reference, refugeeName) = await MentorInTwoGroupsAsync();
        var account = await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == mentor.Id));
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.GetAsync($"{Url(group, memberId)}?handler=Json");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("application/json; charset=utf-8");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        root.GetProperty("email").GetString().ShouldBe(Mentor.NormaliseEmail(mentor.Email));
        var a = root.GetProperty("account");
        a.GetProperty("email").GetString().ShouldBe(mentor.Email);
        a.GetProperty("displayName").GetString().ShouldBe("Helga Auskunft");
        a.GetProperty("emailConfirmed").GetBoolean().ShouldBeTrue();
        a.GetProperty("twoFactorEnabled").GetBoolean().ShouldBeFalse();
        a.TryGetProperty("passwordHash", out _).ShouldBeFalse();
        a.TryGetProperty("securityStamp", out _).ShouldBeFalse();
        var memberships = root.GetProperty("memberships").EnumerateArray().ToList();
        memberships.Count.ShouldBe(2);
        memberships.ShouldContain(m => m.GetProperty("id").GetInt32() == memberId && m.GetProperty("givenName").GetString() == "Vorname1"
                                       && m.GetProperty("mainContact").GetBoolean());
        var sponsoring = root.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("id").GetInt32() == group);
        sponsoring.GetProperty("createdByThisAccount").GetBoolean().ShouldBeTrue();
        sponsoring.GetProperty("sponsorships").EnumerateArray().ShouldHaveSingleItem().GetProperty("householdReference").GetString().ShouldBe(reference);
        root.GetProperty("actionCount").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
        root.GetProperty("memberRecordEntries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldContain("Angelegt");

        body.ShouldNotContain(account.PasswordHash!);
        body.ShouldNotContain(account.SecurityStamp!);
        body.ShouldNotContain(refugeeName);
        body.ShouldNotContain(fellow);
    }

    [Fact]
    public async Task The_export_names_the_documents_the_mentor_uploaded_and_those_of_their_groups_but_not_another_groups()
    {
        var (mentor, group, second, memberId, _, _, _) = await MentorInTwoGroupsAsync();
        var sponsorship = await factory.QueryAsync(db => db.Sponsorships.Where(s => s.GroupId == group).Select(s => s.Id).SingleAsync());
        var stranger = await factory.CreateGroupAsync("someone-else", $"Fremdgruppe {Guid.NewGuid():N}"[..20], memberEmails: ["fremd@beispiel.invalid"]);
        await factory.AddDocumentAsync(DocumentOwnerKind.Sponsorship, sponsorship, mentor.Id, "Mietvertrag Auskunftskreis.pdf", DocumentCategory.Lease);
        await factory.AddDocumentAsync(DocumentOwnerKind.Group, second, "someone-else", "Schulungsnachweis Zweitgruppe.pdf", DocumentCategory.TrainingCertificate);
        await factory.AddDocumentAsync(DocumentOwnerKind.Group, stranger, "someone-else", "Schulungsnachweis Fremdgruppe.pdf", DocumentCategory.TrainingCertificate);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync(Url(group, memberId));
        var json = await client.GetAsync($"{Url(group, memberId)}?handler=Json").ShouldBeStatusAsync(HttpStatusCode.OK);

        var rows = page.QuerySelectorAll("[data-table='documents'] tbody tr").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(2);
        rows.ShouldContain(r => r.Contains("Mietvertrag Auskunftskreis.pdf") && r.Contains("Mietvertrag") && r.Contains("Hochgeladen im Test"));
        rows.ShouldContain(r => r.Contains("Schulungsnachweis Zweitgruppe.pdf") && r.Contains("Schulungsnachweis"));
        using var parsed = JsonDocument.Parse(json);
        parsed.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("fileName").GetString())
            .ShouldBe(["Mietvertrag Auskunftskreis.pdf", "Schulungsnachweis Zweitgruppe.pdf"], ignoreOrder: true);
        json.ShouldNotContain("Fremdgruppe.pdf");
        page.QuerySelector("main")!.TextContent.ShouldNotContain("Fremdgruppe.pdf");
    }

    [Fact]
    public async Task The_staff_export_is_logged_as_a_view_of_each_member_record()
    {
        var (mentor, group, second, memberId, _, _, _) = await MentorInTwoGroupsAsync();
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        await client.GetPageAsync(Url(group, memberId));

        var secondMember = await factory.MemberIdAsync(second, mentor.Email);
        foreach (var id in new[] { memberId, secondMember })
        {
            var view = (await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == nameof(Mentor) && e.EntityId == id.ToString() && e.Action == AuditAction.Viewed).ToListAsync())).ShouldHaveSingleItem();
            view.UserName.ShouldBe("Karl Kompetenz (KfI)");
        }
    }

    [Fact]
    public async Task Unknown_ids_and_a_member_of_another_group_are_not_found()
    {
        var (_, group, second, memberId, _, _, _) = await MentorInTwoGroupsAsync();
        var stranger = (await factory.LoadGroupAsync(second)).Members.First().Id;
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        foreach (var url in new[] { Url(999_999, memberId), Url(group, 999_999), Url(group, stranger), $"{Url(group, stranger)}?handler=Json" })
            await client.GetAsync(url).ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_are_refused_and_learn_nothing(string role)
    {
        var (mentor, group, _, memberId, _, _, _) = await MentorInTwoGroupsAsync();
        var client = await factory.SignedInAsAsync(role);

        foreach (var url in new[] { Url(group, memberId), $"{Url(group, memberId)}?handler=Json" })
        {
            var body = await client.GetAsync(url).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
            body.ShouldNotReveal(mentor.Email);
        }
    }
}
