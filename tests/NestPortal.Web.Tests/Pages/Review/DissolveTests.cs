using NestPortal.Web.Tests.Pages.Groups.Members;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Review;

public sealed class DissolveTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int id) => $"/Review/Dissolve/{id}";
    private static DateOnly Today => DepartureGroups.Today;
    private const string Successor = "Caritas Bochum, Frau Albers";

    private static Dictionary<string, string> Form(DateOnly? on = null, string reason = "Die Mitglieder sind weggezogen.",
        string? continuedBy = Successor, bool confirmed = true)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.On"] = (on ?? Today).Iso(),
            ["Input.Reason"] = reason,
            ["Input.Confirmed"] = confirmed ? "true" : "false",
        };
        if (continuedBy is not null) form["ContinuedSupportBy"] = continuedBy;
        return form;
    }

    /// <summary>An approved group with a running sponsorship (matched with a household, rent from the account).</summary>
    private async Task<(int GroupId, int SponsorshipId)> SponsoringGroupAsync(string name)
    {
        var (groupId, _) = await factory.ApprovedGroupAsync(name);
        var sponsorshipId = await factory.MatchAsync(groupId, await factory.CreateHouseholdAsync());
        return (groupId, sponsorshipId);
    }

    private Task<Sponsorship> SponsorshipAsync(int id) =>
        factory.QueryAsync(db => db.Sponsorships.AsNoTracking().SingleAsync(s => s.Id == id));

    [Fact]
    public async Task Staff_record_the_dissolution_and_who_continues_the_support_together()
    {
        var (groupId, sponsorshipId) = await SponsoringGroupAsync("Auflösung Sonnenhang");
        var entriesBefore = await factory.QueryAsync(db => db.EscrowEntries.CountAsync());
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        (await client.GetPageAsync($"/Review/Details/{groupId}")).QuerySelector($"main a[href='{Url(groupId)}']").ShouldNotBeNull();

        var form = await client.GetPageAsync(Url(groupId));
        form.MainText().ShouldContain("Die Miete wird weiter aus dem Mietkonto gezahlt");
        form.QuerySelector("[name=ContinuedSupportBy]").ShouldNotBeNull();
        var response = await client.PostFormAsync(Url(groupId), Form());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", (await response.ReadHtmlAsync()).Errors()));
        response.Location().ShouldBe($"/Review/Details/{groupId}");
        var details = await client.GetPageAsync(response.Location());
        details.MainText().ShouldContain("Die Auflösung der Gruppe ist erfasst.");
        details.QuerySelector("[data-fact=dissolved]")!.TextContent.ShouldContain($"{Today.German()}: Die Mitglieder sind weggezogen.");
        details.QuerySelector("[data-fact=continued-support]")!.TextContent.Trim().ShouldBe($"Begleitung durch {Successor}");
        details.MainText().ShouldContain("Aufgelöst");
        var sponsorshipPage = await client.GetPageAsync($"/Sponsorships/Details/{sponsorshipId}");
        sponsorshipPage.QuerySelector("[data-fact=dissolved]")!.TextContent.ShouldContain(Today.German());
        sponsorshipPage.QuerySelector("[data-fact=continued-support]")!.TextContent.Trim().ShouldBe($"Begleitung durch {Successor}");

        var group = await factory.LoadGroupAsync(groupId);
        group.Status.ShouldBe(GroupStatus.Dissolved);
        group.DissolvedOn.ShouldBe(Today);
        group.DissolutionReason.ShouldBe("Die Mitglieder sind weggezogen.");
        var sponsorship = await SponsorshipAsync(sponsorshipId);
        sponsorship.ContinuedSupportBy.ShouldBe(Successor);
        sponsorship.Status.ShouldBe(SponsorshipStatus.Running, "the rent continues from the account");
        (await factory.QueryAsync(db => db.EscrowEntries.CountAsync())).ShouldBe(entriesBefore, "the ledger is untouched");
    }

    [Fact]
    public async Task A_group_without_a_family_dissolves_without_a_successor()
    {
        var (groupId, _) = await factory.ApprovedGroupAsync("Auflösung Ohne Familie");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var form = await client.GetPageAsync(Url(groupId));
        form.QuerySelector("[name=ContinuedSupportBy]").ShouldBeNull();
        form.MainText().ShouldContain("Die Gruppe begleitet derzeit keine Familie.");
        var response = await client.PostFormAsync(Url(groupId), Form(continuedBy: null));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.LoadGroupAsync(groupId)).Status.ShouldBe(GroupStatus.Dissolved);
    }

    [Fact]
    public async Task Without_a_successor_nothing_is_saved_neither_dissolution_nor_support()
    {
        var (groupId, sponsorshipId) = await SponsoringGroupAsync("Auflösung Ohne Nachfolge");
        var before = await factory.LoadGroupAsync(groupId);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.PostFormAsync(Url(groupId), Form(continuedBy: " ", reason: "Streit in der Gruppe"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Bitte geben Sie an, wer die Begleitung weiterführt (höchstens 500 Zeichen).");
        page.ValueOf("Input.Reason").ShouldBe("Streit in der Gruppe");
        await factory.ShouldBeUnchangedSinceAsync(before);
        (await factory.LoadGroupAsync(groupId)).DissolvedOn.ShouldBeNull();
        (await SponsorshipAsync(sponsorshipId)).ContinuedSupportBy.ShouldBeNull();
    }

    [Fact]
    public async Task A_future_date_an_empty_reason_or_no_confirmation_is_refused_and_nothing_saved()
    {
        var (groupId, sponsorshipId) = await SponsoringGroupAsync("Auflösung Zukunft");
        var before = await factory.LoadGroupAsync(groupId);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var future = await (await client.PostFormAsync(Url(groupId), Form(on: Today.AddDays(10)))).ReadHtmlAsync();
        future.ShouldShowError($"Das Datum ({Today.AddDays(10).German()}) liegt in der Zukunft.");
        future.ValueOf("ContinuedSupportBy").ShouldBe(Successor);
        var empty = await (await client.PostFormAsync(Url(groupId), Form(reason: "", confirmed: false))).ReadHtmlAsync();
        empty.ShouldShowError(e => e.Contains("Grund", StringComparison.Ordinal), "naming the reason");
        empty.ShouldShowError("Bitte bestätigen Sie Ihre Angaben");

        await factory.ShouldBeUnchangedSinceAsync(before);
        (await SponsorshipAsync(sponsorshipId)).ContinuedSupportBy.ShouldBeNull();
    }

    [Fact]
    public async Task A_group_that_is_not_approved_is_not_offered_the_page_and_a_post_is_refused()
    {
        var groupId = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Auflösung Eingereicht", submittedOn: Today);
        var before = await factory.LoadGroupAsync(groupId);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var reopened = await client.GetAsync(Url(groupId));
        reopened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reopened.Location().ShouldBe($"/Review/Details/{groupId}");
        var response = await client.PostWithTokenAsync(Url(groupId),
            new Dictionary<string, string>(Form(continuedBy: null)) { ["Version"] = before.ConcurrencyStamp.ToString() });

        (await response.ReadHtmlAsync()).ShouldShowError("Nur eine freigegebene Gruppe kann aufgelöst werden.");
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task A_stale_form_is_refused_after_someone_else_changed_the_sponsorship()
    {
        var (groupId, sponsorshipId) = await SponsoringGroupAsync("Auflösung Gleichzeitig");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var page = await client.GetPageAsync(Url(groupId));
        await factory.ExecuteAsync(async db =>
        {
            (await db.Sponsorships.SingleAsync(s => s.Id == sponsorshipId)).RecordContinuedSupport("Im anderen Tab erfasst");
            await db.SaveChangesAsync();
        });
        var before = await factory.LoadGroupAsync(groupId);

        var response = await client.PostFormAsync(Url(groupId), new Dictionary<string, string>(Form())
        {
            ["SponsorshipVersion"] = page.ValueOf("SponsorshipVersion")!,
        });

        (await response.ReadHtmlAsync()).ShouldShowError("Die Gruppe wurde inzwischen von jemand anderem geändert.");
        await factory.ShouldBeUnchangedSinceAsync(before);
        (await SponsorshipAsync(sponsorshipId)).ContinuedSupportBy.ShouldBe("Im anderen Tab erfasst");
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_are_refused(string role)
    {
        var (groupId, _) = await factory.ApprovedGroupAsync("Auflösung Rolle " + role);
        var before = await factory.LoadGroupAsync(groupId);
        var client = await factory.SignedInAsAsync(role);

        await client.PostWithTokenAsync(Url(groupId), Form()).ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task An_unknown_group_is_404()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        await client.GetAsync(Url(987654)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.PostWithTokenAsync(Url(987654), Form()).ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }
}
