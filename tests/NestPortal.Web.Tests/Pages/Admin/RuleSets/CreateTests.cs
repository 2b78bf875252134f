using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Programme;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Admin.RuleSets.RuleSetForms;

namespace NestPortal.Web.Tests.Pages.Admin.RuleSets;

/// <summary>Adding a successor succeeds once per fixture: the refusals live in <see cref="Refused"/>, a fixture of their own, so each starts from the seeded rules.</summary>
public sealed class CreateTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Administrator_adds_a_successor_and_the_permanent_rules_end_the_day_before()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);
        var form = await client.GetPageAsync(CreateUrl);
        form.QuerySelector("[data-fact='predecessor']")!.TextContent.ShouldContain("„NesT Regelprogramm“ ab (gültig ab 01.07.2022)");
        form.ValueOf("Input.RentMonths").ShouldBe("12", "the form starts from the current figures");
        form.ValueOf("Input.MaxConcurrentSponsorships").ShouldBe("1");

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
        successor.MaxConcurrentSponsorships.ShouldBe(2);
        (await factory.RuleSetAsync(SeededRuleSets.PermanentCode)).ValidUntil.ShouldBe(new DateOnly(2039, 12, 31));
        (await factory.RuleSetAsync(SeededRuleSets.PilotCode)).ValidUntil.ShouldBe(new DateOnly(2022, 6, 30));
        (await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "ProgrammeRuleSet"
            && a.EntityId == successor.Id.ToString() && a.Action == AuditAction.Created))).ShouldBe(1);

        var list = await client.GetPageAsync(response.Location());
        list.MainText().ShouldContain("Die neuen Programmregeln „Regeln NEST-2040“ sind angelegt.");
        var card = list.QuerySelector("[data-rule-set='NEST-2040']")!;
        card.QuerySelector("[data-fact='in-use']").ShouldBeNull();
        card.QuerySelector("[data-fact='max-concurrent']")!.TextContent.ShouldBe("2");
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

        await client.PostWithTokenAsync(CreateUrl, Successor($"ROLE-{role}", new DateOnly(2045, 1, 1)))
            .ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        (await factory.RuleSetsAsync()).Count.ShouldBe(before);
    }

    /// <summary>Every refused successor: a German message, the form as typed, and the rule sets unchanged.</summary>
    public sealed class Refused(PortalFactory factory) : IClassFixture<PortalFactory>
    {
        private static readonly DateOnly Later = new(2041, 1, 1);

        private async Task ShouldBeRefusedAsync(Dictionary<string, string> fields, string expectedError)
        {
            var client = await factory.SignedInAsAsync(Roles.Administrator);
            var before = await factory.RuleSetsAsync();

            var response = await client.PostFormAsync(CreateUrl, fields);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await response.ReadHtmlAsync();
            page.ShouldShowError(expectedError);
            page.ValueOf("Input.Code").ShouldBe(fields["Input.Code"], "the form keeps what was typed");
            page.ValueOf("Input.Name").ShouldBe(fields["Input.Name"]);
            page.ValueOf("Input.RentMonths").ShouldBe(fields["Input.RentMonths"]);
            var after = await factory.RuleSetsAsync();
            after.Select(r => (r.Code, r.ValidUntil)).ShouldBe(before.Select(r => (r.Code, r.ValidUntil)), "nothing is saved");
        }

        [Fact]
        public async Task A_start_before_the_latest_rules_start_is_refused()
        {
            var fields = Successor("EARLY", new DateOnly(2022, 1, 1));
            await ShouldBeRefusedAsync(fields, "Nachfolgeregeln müssen nach dem Beginn von „NesT Regelprogramm“ (01.07.2022) beginnen.");
        }

        [Fact]
        public async Task A_start_on_or_before_a_submission_under_the_latest_rules_is_refused()
        {
            await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Gruppe heute eingereicht", submittedOn: TestGroups.Today);
            var fields = Successor("TODAY", TestGroups.Today);

            await ShouldBeRefusedAsync(fields,
                $"Am {TestGroups.Today.German()} wurde noch eine Gruppe nach „NesT Regelprogramm“ eingereicht; die Nachfolgeregeln können frühestens am Tag danach beginnen.");
        }

        [Fact]
        public async Task Negative_months_are_refused()
        {
            var fields = Successor("NEGATIVE", Later);
            fields["Input.RentMonths"] = "-1";
            await ShouldBeRefusedAsync(fields, "Mietmonate");
        }

        [Theory]
        [InlineData("0")]
        [InlineData("11")]
        public async Task Sponsorships_at_once_outside_one_to_ten_are_refused(string number)
        {
            var fields = Successor($"CONCURRENT-{number}", Later);
            fields["Input.MaxConcurrentSponsorships"] = number;
            await ShouldBeRefusedAsync(fields, "Mentoring-Übernahmen einer Gruppe zugleich");
        }

        [Fact]
        public async Task More_main_contacts_than_minimum_members_are_refused()
        {
            var fields = Successor("CONTACTS", Later);
            fields["Input.MinimumMembers"] = "3";
            fields["Input.RequiredMainContacts"] = "4";
            await ShouldBeRefusedAsync(fields, "Die Zahl der Hauptansprechpersonen muss zwischen 1 und der Mindestzahl der Mitglieder liegen.");
        }

        [Theory]
        [InlineData(SeededRuleSets.PilotCode)]
        [InlineData("nest-permanent")]
        public async Task A_code_already_taken_is_refused(string code)
        {
            await ShouldBeRefusedAsync(Successor(code, Later), $"Das Kürzel „{code}“ ist schon vergeben.");
        }

        [Fact]
        public async Task Missing_figures_are_refused()
        {
            var fields = Successor("EMPTY", Later);
            fields["Input.SupportMonths"] = "";
            fields["Input.TrainingRequirement"] = "";
            await ShouldBeRefusedAsync(fields, "Begleitung (Monate)");
        }

        [Fact]
        public async Task A_successor_without_the_confirmation_is_refused()
        {
            var fields = Successor("UNCONFIRMED", Later);
            fields.Remove("Input.Confirmed");
            await ShouldBeRefusedAsync(fields, "Bitte bestätigen Sie, dass die bisherigen Regeln am Vortag enden.");
        }
    }
}
