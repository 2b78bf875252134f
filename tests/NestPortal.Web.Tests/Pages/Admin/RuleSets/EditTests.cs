using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Programme;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Admin.RuleSets.RuleSetForms;

namespace NestPortal.Web.Tests.Pages.Admin.RuleSets;

public sealed class EditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Revised(ProgrammeRuleSet ruleSet) => new()
    {
        ["Input.Name"] = "Korrigierte Regeln",
        ["Input.ValidFrom"] = ruleSet.ValidFrom.Iso(),
        ["Input.ValidUntil"] = "",
        ["Input.MinimumMembers"] = "5",
        ["Input.RequiredMainContacts"] = "3",
        ["Input.LegalPersonsAllowed"] = "false",
        ["Input.RentMonths"] = "9",
        ["Input.RentMonthsWithOwnedFlat"] = "3",
        ["Input.SupportMonths"] = "15",
        ["Input.TrainingRequirement"] = "Tagesschulung",
        ["Input.MaxConcurrentSponsorships"] = "3",
    };

    [Fact]
    public async Task Administrator_corrects_an_unused_rule_set()
    {
        var id = await factory.AddUnusedSuccessorAsync("EDIT-OK");
        var before = await factory.RuleSetAsync("EDIT-OK");
        var client = await factory.SignedInAsAsync(Roles.Administrator);
        var form = await client.GetPageAsync(EditUrl(id));
        form.ValueOf("Input.Name").ShouldBe("Regeln EDIT-OK");
        form.ValueOf("Input.ValidFrom").ShouldBe(before.ValidFrom.Iso());

        var response = await client.PostFormAsync(EditUrl(id), Revised(before));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.RuleSetAsync("EDIT-OK");
        saved.Name.ShouldBe("Korrigierte Regeln");
        saved.MinimumMembers.ShouldBe(5);
        saved.RequiredMainContacts.ShouldBe(3);
        saved.LegalPersonsAllowed.ShouldBeFalse();
        saved.RentMonths.ShouldBe(9);
        saved.RentMonthsWithOwnedFlat.ShouldBe(3);
        saved.SupportMonths.ShouldBe(15);
        saved.TrainingRequirement.ShouldBe("Tagesschulung");
        saved.MaxConcurrentSponsorships.ShouldBe(3);
        (await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "ProgrammeRuleSet"
            && a.EntityId == id.ToString() && a.Action == AuditAction.Changed))).ShouldBe(1);
        (await client.GetPageAsync(response.Location())).MainText().ShouldContain("Die Programmregeln „Korrigierte Regeln“ sind gespeichert.");
    }

    [Fact]
    public async Task A_moved_start_moves_the_end_of_the_predecessor_and_may_not_pass_its_start()
    {
        var id = await factory.AddUnusedSuccessorAsync("EDIT-MOVE");
        var before = await factory.RuleSetAsync("EDIT-MOVE");
        var predecessor = (await factory.RuleSetsAsync()).Where(r => r.ValidFrom < before.ValidFrom).MaxBy(r => r.ValidFrom)!;
        predecessor.ValidUntil.ShouldBe(before.ValidFrom.AddDays(-1));
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        var tooEarly = Revised(before);
        tooEarly["Input.ValidFrom"] = predecessor.ValidFrom.Iso();
        var refused = await client.PostFormAsync(EditUrl(id), tooEarly);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.ReadHtmlAsync()).ShouldShowError($"Nachfolgeregeln müssen nach dem Beginn von „{predecessor.Name}“");
        (await factory.RuleSetAsync("EDIT-MOVE")).ValidFrom.ShouldBe(before.ValidFrom);
        (await factory.RuleSetAsync(predecessor.Code)).ValidUntil.ShouldBe(predecessor.ValidUntil);

        var later = Revised(before);
        var newFrom = before.ValidFrom.AddMonths(2);
        later["Input.ValidFrom"] = newFrom.Iso();
        var response = await client.PostFormAsync(EditUrl(id), later);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.RuleSetAsync("EDIT-MOVE")).ValidFrom.ShouldBe(newFrom);
        (await factory.RuleSetAsync(predecessor.Code)).ValidUntil.ShouldBe(newFrom.AddDays(-1), "no day without rules");
    }

    [Fact]
    public async Task Bad_figures_are_refused_with_the_form_kept_and_nothing_saved()
    {
        var id = await factory.AddUnusedSuccessorAsync("EDIT-BAD");
        var before = await factory.RuleSetAsync("EDIT-BAD");
        var client = await factory.SignedInAsAsync(Roles.Administrator);
        var fields = Revised(before);
        fields["Input.MinimumMembers"] = "2";
        fields["Input.RequiredMainContacts"] = "3";
        fields["Input.ValidUntil"] = before.ValidFrom.AddDays(-1).Iso();

        var response = await client.PostFormAsync(EditUrl(id), fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Die Zahl der Hauptansprechpersonen muss zwischen 1 und der Mindestzahl der Mitglieder liegen.");
        page.ShouldShowError("liegt vor ihrem Beginn");
        page.ValueOf("Input.Name").ShouldBe("Korrigierte Regeln");
        var after = await factory.RuleSetAsync("EDIT-BAD");
        after.Name.ShouldBe(before.Name);
        after.MinimumMembers.ShouldBe(before.MinimumMembers);
        after.ValidUntil.ShouldBeNull();
    }

    [Fact]
    public async Task Negative_months_are_refused()
    {
        var id = await factory.AddUnusedSuccessorAsync("EDIT-NEG");
        var before = await factory.RuleSetAsync("EDIT-NEG");
        var client = await factory.SignedInAsAsync(Roles.Administrator);
        var fields = Revised(before);
        fields["Input.SupportMonths"] = "-3";

        var response = await client.PostFormAsync(EditUrl(id), fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("Begleitung (Monate)");
        (await factory.RuleSetAsync("EDIT-NEG")).SupportMonths.ShouldBe(before.SupportMonths);
    }

    [Fact]
    public async Task A_rule_set_in_use_shows_why_it_cannot_be_edited_and_a_post_is_refused()
    {
        var permanent = await factory.RuleSetAsync(SeededRuleSets.PermanentCode);
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        var page = await client.GetPageAsync(EditUrl(permanent.Id));

        page.QuerySelector("[data-fact='in-use']")!.TextContent.ShouldContain("Diese Regeln können nicht mehr bearbeitet werden");
        page.QuerySelector("main form[method='post']").ShouldBeNull();
        page.QuerySelector("main a[href='/Admin/RuleSets/Create']").ShouldNotBeNull();

        var response = await client.PostWithTokenAsync(EditUrl(permanent.Id), Revised(permanent));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError(
            "Die Regeln „NesT Regelprogramm“ werden schon verwendet und können nicht mehr geändert werden; legen Sie stattdessen Nachfolgeregeln an.");
        var after = await factory.RuleSetAsync(SeededRuleSets.PermanentCode);
        after.Name.ShouldBe("NesT Regelprogramm");
        after.RentMonths.ShouldBe(12);
        after.MinimumMembers.ShouldBe(4);
    }

    [Fact]
    public async Task A_rule_set_used_only_by_a_sponsorship_is_in_use_too()
    {
        var id = await factory.AddUnusedSuccessorAsync("EDIT-SPONSORED");
        // A running sponsorship switched to the new rules: no group was submitted under them.
        var household = await factory.CreateHouseholdAsync(familyName: "Regelnutzer");
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), "Gruppe Regelnutzer");
        var sponsorship = await factory.MatchAsync(group, household);
        await factory.ExecuteAsync(async db =>
        {
            var s = await db.Sponsorships.SingleAsync(x => x.Id == sponsorship);
            s.SwitchRuleSet(await db.RuleSets.SingleAsync(r => r.Id == id), "Test");
            await db.SaveChangesAsync();
        });
        var before = await factory.RuleSetAsync("EDIT-SPONSORED");
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        var response = await client.PostWithTokenAsync(EditUrl(id), Revised(before));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("werden schon verwendet");
        (await factory.RuleSetAsync("EDIT-SPONSORED")).Name.ShouldBe(before.Name);
    }

    [Fact]
    public async Task Unknown_rule_set_is_404()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);
        await client.GetAsync(EditUrl(999_999)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.PostWithTokenAsync(EditUrl(999_999)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Municipality)]
    public async Task Other_roles_get_403_and_nothing_is_changed(string role)
    {
        var id = await factory.AddUnusedSuccessorAsync($"EDIT-{role.ToUpperInvariant()}");
        var before = (await factory.RuleSetsAsync()).Single(r => r.Id == id);
        var client = await factory.SignedInAsAsync(role);

        await client.PostWithTokenAsync(EditUrl(id), Revised(before)).ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        (await factory.RuleSetsAsync()).Single(r => r.Id == id).Name.ShouldBe(before.Name);
    }
}
