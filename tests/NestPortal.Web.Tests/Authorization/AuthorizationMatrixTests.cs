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
/// later cannot go unreviewed.
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
            var column = Array.IndexOf(AccessTable.Callers, caller);
            foreach (var page in PageCatalogue.Pages(factory).Where(p => AccessTable.Expected.ContainsKey(p.Page)))
            {
                var url = page.Route
                    .Replace("{id:int}", groupId.ToString(), StringComparison.Ordinal)
                    .Replace("{memberId:int}", memberId.ToString(), StringComparison.Ordinal)
                    // The folder policy refuses before the page looks for the person: any int will do.
                    .Replace("{personId:int}", "1", StringComparison.Ordinal)
                    .Replace("{ags}", "05913000", StringComparison.Ordinal);
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
                }
            }
        }

        failures.ShouldBeEmpty();
        checks.ShouldBeGreaterThan(150);
    }

    private static Outcome Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Forbidden => Forbidden,
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/Account/Login?ReturnUrl=", StringComparison.OrdinalIgnoreCase) == true => Login,
        _ => Allowed,
    };
}
