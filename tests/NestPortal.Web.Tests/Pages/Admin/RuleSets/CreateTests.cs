using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Programme;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Admin.RuleSets.RuleSetForms;

namespace NestPortal.Web.Tests.Pages.Admin.RuleSets;

/// <summary>Adding a successor succeeds once per fixture: the refusals live in <see cref="CreateRefusedTests"/>, so each starts from the seeded rules.</summary>
public sealed class CreateTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Administrator_adds_a_successor_and_the_permanent_rules_end_the_day_before()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);
        var form = await client.GetPageAsync(CreateUrl);
        form.QuerySelector("[data-fact='predecessor']")!.TextContent.ShouldContain("„NesT Regelprogramm“ ab (gültig ab 01.07.2022)");
        form.ValueOf("Input.RentMonths").ShouldBe("12", "the form starts from the current figures");

        var response = await client.PostFormAsync(CreateUrl, Successor("NEST-2040", new DateOnly(2040, 1, 1)));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/Admin/RuleSets");
        var successor = await factory.RuleSetAsync("NEST-2040");
        successor.Name.ShouldBe("Regeln NEST-2040");
        successor.ValidFrom.ShouldBe(new DateOnly(2040, 1, 1));
        successor.ValidUntil.ShouldBeNull();
        successor.MinimumMembers.ShouldBe(3);
        successor.RequiredMainContacts.ShouldBe(1);
        successor.LegalPersonsAllowed.ShouldBeTrue();
        successor.RentMonths.ShouldBe(18);
        successor.RentMonthsWithOwnedFlat.ShouldBe(6);
        successor.SupportMonths.ShouldBe(24);
        successor.TrainingRequirement.ShouldBe("Onlineschulung an zwei Abenden");
        (await factory.RuleSetAsync(SeededRuleSets.PermanentCode)).ValidUntil.ShouldBe(new DateOnly(2039, 12, 31));
        (await factory.RuleSetAsync(SeededRuleSets.PilotCode)).ValidUntil.ShouldBe(new DateOnly(2022, 6, 30));
        (await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "ProgrammeRuleSet"
            && a.EntityId == successor.Id.ToString() && a.Action == AuditAction.Created))).ShouldBe(1);

        var list = await client.GetPageAsync(response.Location());
        list.MainText().ShouldContain("Die neuen Programmregeln „Regeln NEST-2040“ sind angelegt.");
        var card = list.QuerySelector("[data-rule-set='NEST-2040']")!;
        card.QuerySelector("[data-fact='in-use']").ShouldBeNull();
        card.QuerySelector($"a[href='{EditUrl(successor.Id)}']").ShouldNotBeNull();
        list.QuerySelector($"[data-rule-set='{SeededRuleSets.PermanentCode}'] [data-fact='valid-until']")!.TextContent.ShouldBe("31.12.2039");
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Municipality)]
    public async Task Other_roles_get_403_and_nothing_is_added(string role)
    {
        var client = await factory.SignedInAsAsync(role);
        var before = (await factory.RuleSetsAsync()).Count;

        await client.GetAsync(CreateUrl).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        await client.GetAsync("/Admin/RuleSets").ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        await client.PostWithTokenAsync(CreateUrl, Successor($"ROLE-{role}", new DateOnly(2045, 1, 1)))
            .ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        (await factory.RuleSetsAsync()).Count.ShouldBe(before);
    }
}
