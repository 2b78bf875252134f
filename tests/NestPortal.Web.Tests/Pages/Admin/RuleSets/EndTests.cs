using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Programme;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Admin.RuleSets;

/// <summary>An administrator ends the programme on a last day, and may take the end back while no successor exists.</summary>
public sealed class EndTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Url = "/Admin/RuleSets/End";
    private static DateOnly Today => TestGroups.Today;

    private static Dictionary<string, string> End(DateOnly? lastDay, bool confirmed = true) => new()
    {
        ["Input.LastDay"] = lastDay?.Iso() ?? "",
        ["Input.Confirmed"] = confirmed ? "true" : "false",
    };

    private Task<DateOnly?> SavedEndAsync() =>
        factory.QueryAsync(async db => ProgrammeRuleSet.ProgrammeEnd(await db.RuleSets.AsNoTracking().ToListAsync()));

    private Task WithdrawAnyEndAsync() => factory.ExecuteAsync(async db =>
    {
        var all = await db.RuleSets.ToListAsync();
        if (ProgrammeRuleSet.ProgrammeEnd(all) is null) return;
        ProgrammeRuleSet.WithdrawProgrammeEnd(all);
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Administrator_ends_the_programme_and_the_rule_set_list_shows_the_end()
    {
        await WithdrawAnyEndAsync();
        // The demo groups were submitted today: the programme can end today at the earliest.
        var lastDay = Today.AddDays(14);
        var client = await factory.SignedInAsAsync(Roles.Administrator);
        var form = await client.GetPageAsync(Url);
        form.MainText().ShouldContain("Zuletzt gelten die Regeln „NesT Regelprogramm“ (gültig ab 01.07.2022)");
        form.MainText().ShouldContain($"Zuletzt wurde am {Today.German()} eine Gruppe nach diesen Regeln eingereicht");

        var response = await client.PostFormAsync(Url, End(lastDay));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/Admin/RuleSets");
        (await SavedEndAsync()).ShouldBe(lastDay);
        (await factory.RuleSetAsync(SeededRuleSets.PermanentCode)).ValidUntil.ShouldBe(lastDay);
        var list = await client.GetPageAsync(response.Location());
        list.MainText().ShouldContain($"Das Programm endet mit dem {lastDay.German()}. Danach sind keine Einreichungen und keine neuen Vermittlungen mehr möglich.");
        list.QuerySelector("[data-fact='programme-end']")!.TextContent.ShouldContain($"Das Programm endet mit dem {lastDay.German()}");
        list.QuerySelector($"[data-rule-set='{SeededRuleSets.PermanentCode}'] [data-fact='valid-until']")!.TextContent.ShouldBe(lastDay.German());
    }

    [Theory]
    [InlineData("2022-06-30", "Das Programm kann frühestens am ersten Tag der Regeln „NesT Regelprogramm“ (01.07.2022) enden.")]
    [InlineData("yesterday", "eine Gruppe nach „NesT Regelprogramm“ eingereicht; das Programm kann frühestens an diesem Tag enden.")]
    public async Task An_end_before_the_latest_rules_or_their_last_submission_is_refused_and_nothing_saved(string day, string message)
    {
        await WithdrawAnyEndAsync();
        var lastDay = day == "yesterday" ? Today.AddDays(-1) : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        var response = await client.PostFormAsync(Url, End(lastDay));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError(message);
        page.ValueOf("Input.LastDay").ShouldBe(lastDay.Iso(), "the form keeps what was typed");
        (await SavedEndAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task Without_a_date_or_the_confirmation_nothing_is_saved()
    {
        await WithdrawAnyEndAsync();
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        var page = await (await client.PostFormAsync(Url, End(null, confirmed: false))).ReadHtmlAsync();

        page.ShouldShowError("Letzter Tag des Programms");
        page.ShouldShowError("Bitte bestätigen Sie, dass nach diesem Tag keine Gruppen mehr eingereicht und keine Familien mehr vermittelt werden.");
        (await SavedEndAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task Administrator_withdraws_the_end_and_the_rules_are_open_ended_again()
    {
        await WithdrawAnyEndAsync();
        var client = await factory.SignedInAsAsync(Roles.Administrator);
        (await client.PostFormAsync(Url, End(Today.AddDays(30)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var form = await client.GetPageAsync(Url);
        form.QuerySelector("[data-fact='programme-end']")!.TextContent.ShouldContain(Today.AddDays(30).German());
        form.ValueOf("Input.LastDay").ShouldBe(Today.AddDays(30).Iso());

        var response = await client.PostFormAsync(Url, new Dictionary<string, string>(), actionContains: "handler=Withdraw");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SavedEndAsync()).ShouldBeNull();
        (await client.GetPageAsync(response.Location())).MainText()
            .ShouldContain("Das Ende des Programms ist zurückgenommen; die Regeln „NesT Regelprogramm“ gelten wieder ohne Ende.");
        (await client.GetPageAsync(Url)).QuerySelector("form[action*='handler=Withdraw']").ShouldBeNull("nothing left to withdraw");
    }

    [Fact]
    public async Task Withdrawing_when_no_end_is_recorded_is_refused_with_the_reason()
    {
        await WithdrawAnyEndAsync();
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        // The page offers no withdrawal then; a form left open from before posts it all the same.
        var token = (await client.GetPageAsync(Url)).ValueOf("__RequestVerificationToken")!;
        var response = await client.PostAsync($"{Url}?handler=Withdraw",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("Für das Programm ist kein Ende eingetragen; es gibt nichts zurückzunehmen.");
    }
}
