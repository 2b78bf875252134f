using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Banking;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Banking.TestStatements;

namespace NestPortal.Web.Tests.Pages.Groups;

/// <summary>A main contact uploads the group's own rent account statements; other mentors and other roles are refused.</summary>
public sealed class BankStatementTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => TestGroups.Today;
    private static string Url(int groupId) => $"/Groups/BankStatement/{groupId}";

    /// <summary>A group whose first main contact is a new mentor, with a running account whose ledger paid three months.</summary>
    private async Task<(int GroupId, int SponsorshipId, IReadOnlyList<DateOnly> Months, HttpClient MainContact)> GroupAsync(string name)
    {
        var (client, mentor) = await factory.SignedInAsNewMentorAsync();
        var group = await factory.CreateApprovedGroupAsync(mentor.Id, name, memberEmails: [mentor.Email]);
        var (id, months) = await factory.PaidAccountAsync(name, groupId: group);
        return (group, id, months, client);
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused_and_nothing_is_stored()
    {
        var (group, id, months, client) = await GroupAsync("Auszug Ohne Token");
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(Camt053(TestHouseholds.ValidIban, null, months[0], Today, [.. months.Select(m => RentDebit(m, Today))])), "Statement", "auszug.xml" },
        };

        (await client.PostAsync(Url(group), content)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.QueryAsync(db => db.BankStatements.CountAsync(s => s.SponsorshipId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_main_contact_uploads_the_groups_statement_and_sees_the_months_confirmed()
    {
        var (group, id, months, client) = await GroupAsync("Auszug Hauptkontakt");
        var file = Camt053(TestHouseholds.ValidIban, null, months[0], Today, [.. months.Select(m => RentDebit(m, Today))]);

        (await client.GetPageAsync($"/Groups/Details/{group}")).QuerySelector($"a[href='{Url(group)}']").ShouldNotBeNull();
        var response = await client.UploadStatementAsync(Url(group), file);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetPageAsync(response.Location());
        page.QuerySelectorAll("[data-state='Confirmed']").Length.ShouldBe(3);
        (await factory.QueryAsync(db => db.BankStatements.SingleAsync(s => s.SponsorshipId == id))).UploadedByName.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_file_that_is_no_statement_is_refused_in_german_and_nothing_saved()
    {
        var (group, id, _, client) = await GroupAsync("Auszug Hauptkontakt Falsch");
        var file = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Banking", "Statements", "wrong-namespace.xml"));

        var response = await client.UploadStatementAsync(Url(group), file);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelector("[data-fact='upload-error']")!.TextContent.ShouldContain("Die Datei ist kein Kontoauszug im Format camt.052 oder camt.053");
        (await factory.QueryAsync(db => db.BankStatements.CountAsync(s => s.SponsorshipId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_mentor_of_another_group_gets_not_found()
    {
        var (group, _, _, _) = await GroupAsync("Auszug Fremde Gruppe");
        var (stranger, _) = await factory.SignedInAsNewMentorAsync();

        (await stranger.GetAsync(Url(group))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_member_who_is_no_main_contact_gets_not_found()
    {
        var (member, mentor) = await factory.SignedInAsNewMentorAsync();
        // The third member is no main contact (the first two are).
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), "Auszug Kein Hauptkontakt",
            memberEmails: ["eins@beispiel.invalid", "zwei@beispiel.invalid", mentor.Email]);
        await factory.PaidAccountAsync("Auszug Kein Hauptkontakt", groupId: group);

        (await member.GetAsync(Url(group))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.CompetenceCentre)]
    public async Task Staff_and_municipalities_are_refused(string role)
    {
        var (group, _, _, _) = await GroupAsync($"Auszug Rolle {role}");
        var client = await factory.SignedInAsAsync(role);

        (await client.GetAsync(Url(group))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
