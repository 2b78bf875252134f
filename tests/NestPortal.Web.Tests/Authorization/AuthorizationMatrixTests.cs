using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Authorization.Outcome;

namespace NestPortal.Web.Tests.Authorization;

public enum Outcome
{
    /// <summary>The page answers (200, a redirect of its own, or 400 for a POST without form data).</summary>
    Allowed,

    /// <summary>Redirect to the login page: not signed in.</summary>
    Login,

    /// <summary>403: signed in, but the role may not.</summary>
    Forbidden,
}

/// <summary>
/// Every page and handler of the app, from its endpoint data, against anonymous and each role, checked
/// against the outcome declared in <see cref="AccessTable"/>. A page missing from the table fails the test, so a page added
/// later cannot go unreviewed. A refusal is checked to be bare (the 403 page and nothing of the page; a
/// redirect to the login that brings the caller back), so page tests need not repeat that a role is refused.
/// </summary>
public sealed class AuthorizationMatrixTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public void Every_page_of_the_app_has_a_declared_outcome()
    {
        var pages = PageCatalogue.Pages(factory).Select(p => p.Page).ToList();
        pages.Count.ShouldBeGreaterThan(20);
        pages.Where(p => !AccessTable.Expected.ContainsKey(p)).ShouldBeEmpty("pages without a row in the authorization table");
        AccessTable.Expected.Keys.Where(p => !pages.Contains(p)).ShouldBeEmpty("rows for pages that no longer exist");
    }

    [Fact]
    public async Task Every_page_and_handler_answers_each_caller_as_declared()
    {
        var groupId = await factory.DemoMentorGroupIdAsync();
        var memberId = await factory.QueryAsync(db => db.MentoringGroups.Where(g => g.Id == groupId)
            .SelectMany(g => g.Members).Select(m => m.Id).FirstAsync());
        var failures = new List<string>();
        var checks = 0;
        foreach (var caller in AccessTable.Callers)
        {
            var client = caller == "Anonymous" ? factory.CreateBrowserLikeClient() : await factory.SignedInAsAsync(caller);
            var refusal = await RefusalTextAsync(client);
            var column = Array.IndexOf(AccessTable.Callers, caller);
            foreach (var page in PageCatalogue.Pages(factory).Where(p => AccessTable.Expected.ContainsKey(p.Page)))
            {
                var url = Fill(page.Route, groupId, memberId);
                foreach (var handler in page.Handlers)
                {
                    var target = handler.Name is null ? url : $"{url}?handler={handler.Name}";
                    using var request = new HttpRequestMessage(new HttpMethod(handler.Method), target);
                    if (handler.Method == "POST") request.Content = new FormUrlEncodedContent([]);
                    using var response = await client.SendAsync(request);
                    var actual = Classify(response);
                    var expected = AccessTable.Expected[page.Page][column];
                    checks++;
                    if (actual != expected)
                        failures.Add($"{caller} {handler.Method} {target}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                    else if (await RefusalDiffersAsync(response, actual, target, refusal) is { } leak)
                        failures.Add($"{caller} {handler.Method} {target}: {leak}");
                }
            }
        }

        failures.ShouldBeEmpty();
        checks.ShouldBeGreaterThan(150);
    }

    /// <summary>
    /// A refused caller's form post, with a valid antiforgery token of its session and the fields a real form
    /// would send, to every POST handler of every page the table refuses it (and to the page itself where
    /// the page has no POST handler): refused exactly as declared, with nothing of the page in the answer.
    /// The page tests keep only what the refusal must not have done (nothing saved, no mail).
    /// </summary>
    [Fact]
    public async Task A_refused_caller_posting_a_form_with_a_valid_token_is_refused_on_every_page()
    {
        var groupId = await factory.DemoMentorGroupIdAsync();
        var memberId = await factory.QueryAsync(db => db.MentoringGroups.Where(g => g.Id == groupId)
            .SelectMany(g => g.Members).Select(m => m.Id).FirstAsync());
        var failures = new List<string>();
        var checks = 0;
        foreach (var caller in AccessTable.Callers)
        {
            var client = caller == "Anonymous" ? factory.CreateBrowserLikeClient() : await factory.SignedInAsAsync(caller);
            var token = await client.AntiforgeryTokenAsync();
            var refusal = await RefusalTextAsync(client);
            var column = Array.IndexOf(AccessTable.Callers, caller);
            foreach (var page in PageCatalogue.Pages(factory).Where(p => AccessTable.Expected.TryGetValue(p.Page, out var row) && row[column] != Allowed))
            {
                var url = Fill(page.Route, groupId, memberId);
                var handlers = page.Handlers.Where(h => h.Method == "POST").Select(h => h.Name).DefaultIfEmpty(null).Distinct();
                foreach (var handler in handlers)
                {
                    var target = handler is null ? url : $"{url}?handler={handler}";
                    using var response = await client.PostAsync(target, new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = token,
                        ["Confirmed"] = "true",
                        ["IdempotencyKey"] = Guid.NewGuid().ToString(),
                        ["Input.Reference"] = "MATRIX-POST",
                    }));
                    var actual = Classify(response);
                    var expected = AccessTable.Expected[page.Page][column];
                    checks++;
                    if (actual != expected)
                        failures.Add($"{caller} POST {target}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                    else if (await RefusalDiffersAsync(response, actual, target, refusal) is { } leak)
                        failures.Add($"{caller} POST {target}: {leak}");
                }
            }
        }

        failures.ShouldBeEmpty();
        checks.ShouldBeGreaterThan(150);
        (await factory.QueryAsync(db => db.Households.AnyAsync(h => h.Reference == "MATRIX-POST"))).ShouldBeFalse();
    }

    private static string Fill(string route, int groupId, int memberId) => route
        .Replace("{id:int}", groupId.ToString(), StringComparison.Ordinal)
        .Replace("{memberId:int}", memberId.ToString(), StringComparison.Ordinal)
        // The folder policy refuses before the page looks for the person: any int will do.
        .Replace("{personId:int}", "1", StringComparison.Ordinal)
        .Replace("{ags}", "05913000", StringComparison.Ordinal)
        .Replace("{owner}", "group", StringComparison.Ordinal);

    /// <summary>The main content of the portal's 403 page as this caller sees it.</summary>
    private static async Task<string> RefusalTextAsync(HttpClient client)
    {
        var response = await client.GetAsync("/Error?code=403");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var text = (await response.ReadHtmlAsync()).MainText();
        text.ShouldContain("Kein Zugriff");
        return text;
    }

    /// <summary>
    /// Why a refusal is not a bare refusal, or null: a 403 shows the 403 page and nothing else in its main
    /// content; a redirect to the login carries the refused address back and no body.
    /// </summary>
    private static async Task<string?> RefusalDiffersAsync(HttpResponseMessage response, Outcome outcome, string target, string refusal)
    {
        if (outcome == Forbidden)
        {
            var shown = (await response.ReadHtmlAsync()).MainText();
            return shown == refusal ? null : $"the 403 shows more than the refusal: \"{(shown.Length > 200 ? shown[..200] : shown)}\"";
        }

        if (outcome == Login)
        {
            var location = Accounts.LocalPath(response.Location());
            var expected = "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(target);
            if (!location.Equals(expected, StringComparison.OrdinalIgnoreCase)) return $"login at {location}, expected {expected}";
            var body = await response.Content.ReadAsStringAsync();
            return body.Length == 0 ? null : $"the redirect to the login has a body of {body.Length} characters";
        }

        return null;
    }

    private static Outcome Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Forbidden => Forbidden,
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/Account/Login?ReturnUrl=", StringComparison.OrdinalIgnoreCase) == true => Login,
        _ => Allowed,
    };
}
