using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Notifications;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Notifications;

/// <summary>
/// An allocation decided reaches the municipality's accounts once, with a link to the household's page; a
/// replaced decision reaches the municipality it was addressed to. No refugee's name in either.
/// </summary>
public sealed class AllocationNoticesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Bochum = "05911000";
    private const string Hagen = "05914000";
    private const string Dortmund = "05913000";
    private const string RefugeeName = "Al-Khatibzadeh";

    private async Task<(int Household, string Reference)> MatchedAsync(string name)
    {
        var reference = "NesT-Z-" + Guid.NewGuid().ToString("N")[..6];
        var household = await factory.CreateHouseholdAsync(reference, familyName: RefugeeName);
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), name);
        await factory.MatchAsync(group, household, ags: Bochum);
        return (household, reference);
    }

    private static Dictionary<string, string> Decision(string municipality, string fileReference, bool supersede = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Municipality"] = municipality,
            ["Input.DecisionDate"] = TestGroups.Today.Iso(),
            ["Input.EffectiveDate"] = TestGroups.Today.AddDays(14).Iso(),
            ["Input.FileReference"] = fileReference,
            ["Input.LegalBasis"] = AllocationDecision.DefaultLegalBasis,
        };
        if (supersede) fields["Input.SupersedeCurrent"] = "true";
        return fields;
    }

    [Fact]
    public async Task A_decision_reaches_each_account_of_the_municipality_once_without_the_refugees_name()
    {
        var (household, reference) = await MatchedAsync("Zuweisung Benachrichtigt");
        // Dortmund: the demo municipality's account, which signs in without a second factor in tests, and one more.
        string[] clerks = [DemoUsers.All.Single(u => u.Role == Roles.Municipality).Email, await factory.CreateUserAsync(Roles.Municipality, Dortmund)];
        var staff = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        (await staff.PostFormAsync($"/Allocations/Create?householdId={household}", Decision(Dortmund, "36.1-Z-1")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await factory.NotifyAgainAsync(async (n, db) =>
        {
            var saved = await db.Households.Include(h => h.Allocations).SingleAsync(h => h.Id == household);
            await n.ToMunicipalityAsync(saved.CurrentAllocation!.MunicipalityAgs, AllocationNotices.Decided(saved, saved.CurrentAllocation));
        });

        var prefix = $"allocation-decided:{household}:";
        (await factory.MessageRecipientsAsync(prefix)).Count.ShouldBe(2);
        (await factory.MailRecipientsAsync(prefix)).ShouldBe(clerks.Order(StringComparer.Ordinal).ToList(), ignoreOrder: true);
        var mail = factory.MailsTo(clerks[0]).Single(m => m.Subject!.Contains(reference));
        mail.Subject!.ShouldContain(reference);
        mail.Subject!.ShouldNotContain(RefugeeName);
        mail.TextBody!.ShouldNotContain(RefugeeName);
        mail.TextBody!.ShouldContain("36.1-Z-1");
        mail.TextBody!.ShouldContain($"/MyMunicipality/Households/{household}");
        // The link opens the household's page for the municipality's account.
        var clerk = await factory.SignedInAsAsync(Roles.Municipality);
        (await clerk.GetAsync(factory.LinkInLatestMailTo(clerks[0]))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_replaced_decision_tells_the_former_municipality_and_the_new_one_once_each()
    {
        var (household, _) = await MatchedAsync("Zuweisung Ersetzt");
        var bochum = await factory.CreateUserAsync(Roles.Municipality, Bochum);
        var hagen = await factory.CreateUserAsync(Roles.Municipality, Hagen);
        var staff = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        await staff.PostFormAsync($"/Allocations/Create?householdId={household}", Decision(Bochum, "36.1-E-1"));

        (await staff.PostFormAsync($"/Allocations/Create?householdId={household}", Decision(Hagen, "36.1-E-2", supersede: true)))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await factory.MailRecipientsAsync($"allocation-superseded:{household}:")).ShouldBe([bochum]);
        (await factory.EventKeysAsync($"allocation-superseded:{household}:")).ShouldBe([$"allocation-superseded:{household}:1"]);
        (await factory.MailRecipientsAsync($"allocation-decided:{household}:2")).ShouldBe([hagen]);
        factory.MailsTo(bochum).Select(m => m.Subject).ShouldContain(s => s!.StartsWith("Zuweisungsentscheidung ersetzt"));
    }

    [Fact]
    public async Task A_decision_replaced_by_one_to_the_same_municipality_is_told_by_the_new_decision_alone()
    {
        var (household, _) = await MatchedAsync("Zuweisung Gleiche Kommune");
        var bochum = await factory.CreateUserAsync(Roles.Municipality, Bochum);
        var staff = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        await staff.PostFormAsync($"/Allocations/Create?householdId={household}", Decision(Bochum, "36.1-G-1"));

        (await staff.PostFormAsync($"/Allocations/Create?householdId={household}", Decision(Bochum, "36.1-G-2", supersede: true)))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await factory.MailRecipientsAsync($"allocation-superseded:{household}:")).ShouldBeEmpty();
        (await factory.EventKeysAsync($"allocation-decided:{household}:")).ShouldBe([$"allocation-decided:{household}:1", $"allocation-decided:{household}:2"]);
        (await factory.MailRecipientsAsync($"allocation-decided:{household}:")).Count(to => to == bochum).ShouldBe(2, "one per decision");
    }
}
