using System.Net;
using NestPortal.Domain.Programme;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Admin.RuleSets.RuleSetForms;

namespace NestPortal.Web.Tests.Pages.Admin.RuleSets;

/// <summary>Every refused successor: a German message, the form as typed, and the rule sets unchanged.</summary>
public sealed class CreateRefusedTests(PortalFactory factory) : IClassFixture<PortalFactory>
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
