using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Operations;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Localization;
using static NestPortal.Web.Tests.Pages.Legal.OperatorPortalFactory;

namespace NestPortal.Web.Tests.Pages.Legal;

/// <summary>
/// The accessibility statement (BITV NRW) says honestly how far the portal complies, names the configured
/// enforcement body, and its feedback form queues a mail to the configured mailbox; nothing else.
/// </summary>
public sealed class AccessibilityTests(OperatorPortalFactory factory) : IClassFixture<OperatorPortalFactory>
{
    private Task<List<OutgoingMail>> FeedbackMailsAsync() =>
        factory.QueryAsync(db => db.OutgoingMails.AsNoTracking().Where(m => m.To == FeedbackMailbox).OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task Visitors_read_the_state_of_conformity_the_date_and_the_enforcement_body_in_German()
    {
        var page = await factory.CreateBrowserLikeClient().GetPageAsync("/Barrierefreiheit");

        page.DocumentElement.GetAttribute("lang").ShouldBe("de");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Erklärung zur Barrierefreiheit");
        page.QuerySelector("[data-fact='conformity']")!.TextContent.ShouldContain("nur teilweise mit der BITV NRW vereinbar");
        page.QuerySelector("[data-fact='statement-date']")!.TextContent.ShouldBe("Diese Erklärung wurde am 27.02.2026 erstellt.");
        var text = page.MainText();
        text.ShouldContain($"{Name} ist bemüht");
        text.ShouldContain("Richtlinie (EU) 2016/2102");
        text.ShouldContain("in Leichter Sprache und in Deutscher Gebärdensprache (DGS)");
        text.ShouldContain("fehlen noch");
        text.ShouldContain("WCAG 2.1");
        text.ShouldContain(FeedbackMailbox);
        text.ShouldContain(EnforcementName);
        page.QuerySelector($"main a[href='mailto:{EnforcementEmail}']").ShouldNotBeNull();
        page.QuerySelector("main form textarea[name='Input.Message'][required]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Visitors_who_chose_English_read_it_in_English_with_the_same_details()
    {
        var english = LocalizationKeys.ReadResx(Path.Combine(LocalizationKeys.FindRepositoryRoot(), LocalizationKeys.EnglishResourceFile));

        var page = await factory.CreateBrowserLikeClient().GetPageAsync("/Barrierefreiheit?culture=en");

        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector("h1")!.TextContent.ShouldBe(english["Erklärung zur Barrierefreiheit"]);
        page.QuerySelector("[data-fact='conformity']")!.TextContent.ShouldContain("only partially compliant");
        page.QuerySelector("[data-fact='statement-date']")!.TextContent.ShouldBe("This statement was prepared on 27 February 2026.");
        page.MainText().ShouldContain(EnforcementName);
        page.QuerySelector("label[for='Input_Message']")!.TextContent.ShouldStartWith(english["Ihre Nachricht"]);
    }

    [Fact]
    public async Task Feedback_is_queued_as_a_mail_to_the_configured_mailbox_with_what_was_typed_encoded()
    {
        var before = (await FeedbackMailsAsync()).Count;
        var client = factory.CreateBrowserLikeClient();

        var response = await client.PostFormAsync("/Barrierefreiheit", new Dictionary<string, string>
        {
            ["Input.Name"] = "Erika <b>Muster</b>",
            ["Input.Email"] = "erika@example.invalid",
            ["Input.Message"] = "Die Tabelle auf <script>alert(1)</script> hat keine Überschriften.\nZweite Zeile & mehr",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/Barrierefreiheit");
        var after = await client.GetPageAsync(response.Location());
        after.QuerySelector("[data-fact='feedback-sent']")!.TextContent
            .ShouldBe("Vielen Dank für Ihre Rückmeldung. Sie ist beim Kompetenzzentrum für Integration eingegangen.");
        var mails = await FeedbackMailsAsync();
        mails.Count.ShouldBe(before + 1);
        var mail = mails[^1];
        mail.Subject.ShouldBe("Rückmeldung zur Barrierefreiheit des NestPortals");
        mail.HtmlBody.ShouldContain("Name: Erika &lt;b&gt;Muster&lt;/b&gt;");
        mail.HtmlBody.ShouldContain("E-Mail-Adresse: erika@example.invalid");
        mail.HtmlBody.ShouldContain("Die Tabelle auf &lt;script&gt;alert(1)&lt;/script&gt; hat keine Überschriften.<br>Zweite Zeile &amp; mehr");
        mail.HtmlBody.ShouldNotContain("<script>");
        mail.HtmlBody.ShouldNotContain("<b>");

        // The confirmation is shown once, not on the next visit.
        (await client.GetPageAsync("/Barrierefreiheit")).QuerySelector("[data-fact='feedback-sent']").ShouldBeNull();
    }

    [Fact]
    public async Task Feedback_in_English_still_reaches_the_mailbox_in_German_without_name_or_address()
    {
        var before = (await FeedbackMailsAsync()).Count;

        var response = await factory.CreateBrowserLikeClient().PostFormAsync("/Barrierefreiheit?culture=en",
            new Dictionary<string, string> { ["Input.Message"] = "The contrast of the footer is too low." });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mails = await FeedbackMailsAsync();
        mails.Count.ShouldBe(before + 1);
        var mail = mails[^1];
        mail.HtmlBody.ShouldContain("Name: nicht angegeben<br>E-Mail-Adresse: nicht angegeben<br>Sprache der Seite: en");
        mail.HtmlBody.ShouldContain("The contrast of the footer is too low.");
    }

    [Fact]
    public async Task An_empty_message_is_refused_in_German_the_form_keeps_what_was_typed_and_nothing_is_queued()
    {
        var before = (await FeedbackMailsAsync()).Count;

        var response = await factory.CreateBrowserLikeClient().PostFormAsync("/Barrierefreiheit", new Dictionary<string, string>
        {
            ["Input.Name"] = "Erika Muster",
            ["Input.Email"] = "erika@example.invalid",
            ["Input.Message"] = "   ",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Bitte schreiben Sie Ihre Nachricht.");
        page.ValueOf("Input.Name").ShouldBe("Erika Muster");
        page.ValueOf("Input.Email").ShouldBe("erika@example.invalid");
        page.QuerySelector("title")!.TextContent.ShouldStartWith("Fehler: ");
        (await FeedbackMailsAsync()).Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_message_too_long_or_a_malformed_address_is_refused_and_nothing_is_queued()
    {
        var before = (await FeedbackMailsAsync()).Count;

        var response = await factory.CreateBrowserLikeClient().PostFormAsync("/Barrierefreiheit", new Dictionary<string, string>
        {
            ["Input.Email"] = "keine-adresse",
            ["Input.Message"] = new string('x', 4001),
        });

        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Die Nachricht darf höchstens 4000 Zeichen lang sein.");
        page.ShouldShowError("Bitte geben Sie eine gültige E-Mail-Adresse an oder lassen Sie das Feld leer.");
        page.ValueOf("Input.Message")!.Length.ShouldBe(4001);
        (await FeedbackMailsAsync()).Count.ShouldBe(before);
    }

    [Fact]
    public async Task Feedback_without_the_antiforgery_token_is_a_bad_request_and_nothing_is_queued()
    {
        var before = (await FeedbackMailsAsync()).Count;

        var response = await factory.CreateBrowserLikeClient().PostAsync("/Barrierefreiheit", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Input.Message"] = "Von einer fremden Seite abgeschickt" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await FeedbackMailsAsync()).Count.ShouldBe(before);
    }
}
