using System.Net;
using AngleSharp.Html.Dom;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// Requests a person could make without the page's own form: a tampered or guessed URL, a form of
/// another page posted to it. They carry a valid antiforgery token of the same session (from the
/// header forms of a public page), so only the portal's own checks can refuse them.
/// </summary>
public static class Requests
{
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string url, IDictionary<string, string>? fields = null)
    {
        var home = await client.GetPageAsync("/Datenquellen");
        var token = home.QuerySelector("input[name='__RequestVerificationToken']") as IHtmlInputElement
                    ?? throw new InvalidOperationException("No antiforgery token on /Datenquellen.");
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["__RequestVerificationToken"] = token.Value,
        };
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    public static async Task ShouldRedirectToLoginAsync(this Task<HttpResponseMessage> request)
    {
        var response = await request;
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldContain("/Account/Login");
    }

    public static async Task<string> ShouldBeStatusAsync(this Task<HttpResponseMessage> request, HttpStatusCode expected)
    {
        var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}");
        return body;
    }

    /// <summary>
    /// The response body does not contain <paramref name="text"/>, neither literally nor once its character
    /// references are decoded (the portal writes "ö" as "&amp;#xF6;").
    /// </summary>
    public static void ShouldNotReveal(this string body, string text)
    {
        body.ShouldNotContain(text, Case.Insensitive);
        var decoded = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body).DocumentElement.OuterHtml;
        decoded.ShouldNotContain(text, Case.Insensitive);
        System.Net.WebUtility.HtmlDecode(body).ShouldNotContain(text, Case.Insensitive);
    }

    /// <summary>The page shows an error that satisfies <paramref name="match"/>; a failure lists the errors shown.</summary>
    public static void ShouldShowError(this IHtmlDocument page, Func<string, bool> match, string what)
    {
        var errors = page.Errors();
        errors.Any(match).ShouldBeTrue($"expected an error {what}; the page shows: [{string.Join(" | ", errors)}]");
    }

    public static void ShouldShowError(this IHtmlDocument page, string text) =>
        page.ShouldShowError(e => e.Contains(text, StringComparison.Ordinal), $"containing \"{text}\"");

    /// <summary>The main content's text, whitespace collapsed, as a person reads it.</summary>
    public static string MainText(this IHtmlDocument page) =>
        System.Text.RegularExpressions.Regex.Replace(page.QuerySelector("main")?.TextContent ?? string.Empty, @"\s+", " ");

    /// <summary>The rows of the page's first table, each as its cell texts.</summary>
    public static IReadOnlyList<string[]> TableRows(this IHtmlDocument page) =>
        page.QuerySelectorAll("main table tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();

    /// <summary>
    /// A form opened while the group was still editable, posted after it was submitted: the page no
    /// longer offers the form (its GET leads back to the group), and the post carries the old version.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormOpenedBeforeAsync(this HttpClient client, string url, IDictionary<string, string> fields, Guid version)
    {
        var reopened = await client.GetAsync(url);
        reopened.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, $"GET {url} of a submitted group leads back to the group");
        reopened.Headers.Location!.OriginalString.ShouldStartWith("/Groups/Details/");
        return await client.PostWithTokenAsync(url, new Dictionary<string, string>(fields) { ["Version"] = version.ToString() });
    }
}
