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
/// against the outcome declared here. A page missing from the table fails the test, so a page added
/// later cannot go unreviewed.
/// </summary>
public sealed class AuthorizationMatrixTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Callers = ["Anonymous", Roles.Mentor, Roles.CompetenceCentre, Roles.Municipality, Roles.Administrator];

    //                                             Anonymous  Mentor     KfI        Municipality Administrator
    private static readonly Dictionary<string, Outcome[]> Expected = new()
    {
        ["/Index"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Error"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/DataSources"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Culture"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/Login"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/LoginWith2fa"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/LoginWithRecoveryCode"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/Logout"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/Lockout"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/Register"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/RegisterConfirmation"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/ConfirmEmail"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/ForgotPassword"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/SetPassword"] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        ["/Account/Manage/TwoFactor"] = [Login, Allowed, Allowed, Allowed, Allowed],
        ["/Groups/Index"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Groups/Create"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Groups/Details"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Groups/Edit"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Groups/Submit"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Groups/Members/Add"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Groups/Members/Edit"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Groups/Members/Remove"] = [Login, Allowed, Forbidden, Forbidden, Forbidden],
        ["/Review/Index"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Review/Details"] = [Login, Forbidden, Allowed, Forbidden, Forbidden],
        ["/Municipality/Index"] = [Login, Forbidden, Forbidden, Allowed, Forbidden],
        ["/Admin/Users/Index"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],
        ["/Admin/Users/Invite"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],
        ["/Admin/RuleSets"] = [Login, Forbidden, Forbidden, Forbidden, Allowed],
    };

    [Fact]
    public void Every_page_of_the_app_has_a_declared_outcome()
    {
        var pages = PageCatalogue.Pages(factory).Select(p => p.Page).ToList();
        pages.Count.ShouldBeGreaterThan(20);
        pages.Where(p => !Expected.ContainsKey(p)).ShouldBeEmpty("pages without a row in the authorization table");
        Expected.Keys.Where(p => !pages.Contains(p)).ShouldBeEmpty("rows for pages that no longer exist");
    }

    [Fact]
    public async Task Every_page_and_handler_answers_each_caller_as_declared()
    {
        var groupId = await factory.DemoMentorGroupIdAsync();
        var memberId = await factory.QueryAsync(db => db.MentoringGroups.Where(g => g.Id == groupId)
            .SelectMany(g => g.Members).Select(m => m.Id).FirstAsync());
        var failures = new List<string>();
        var checks = 0;
        foreach (var caller in Callers)
        {
            var client = caller == "Anonymous" ? factory.CreateBrowserLikeClient() : await factory.SignedInAsAsync(caller);
            var column = Array.IndexOf(Callers, caller);
            foreach (var page in PageCatalogue.Pages(factory).Where(p => Expected.ContainsKey(p.Page)))
            {
                var url = page.Route
                    .Replace("{id:int}", groupId.ToString(), StringComparison.Ordinal)
                    .Replace("{memberId:int}", memberId.ToString(), StringComparison.Ordinal);
                foreach (var handler in page.Handlers)
                {
                    var target = handler.Name is null ? url : $"{url}?handler={handler.Name}";
                    using var request = new HttpRequestMessage(new HttpMethod(handler.Method), target);
                    if (handler.Method == "POST") request.Content = new FormUrlEncodedContent([]);
                    using var response = await client.SendAsync(request);
                    var actual = Classify(response);
                    var expected = Expected[page.Page][column];
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
