using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// Drives the portal's forms as a browser would: fetch the page, keep its antiforgery token and hidden
/// fields, post what a person typed, and read the answer as HTML.
/// </summary>
public static class FormClient
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"GET {url}: {Excerpt(html)}");
        return await Parser.ParseDocumentAsync(html);
    }

    /// <summary>
    /// Posts the form of the page (the n-th form whose action contains <paramref name="actionContains"/>,
    /// or the main content's first form) with the page's own hidden fields plus <paramref name="fields"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl,
        IDictionary<string, string> fields, string? actionContains = null)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = FindForm(page, actionContains);
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .GroupBy(i => i.Name!).ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var (key, value) in fields) values[key] = value;
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public static async Task<IHtmlDocument> ReadHtmlAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The errors a person sees on the page: field messages and the summary.</summary>
    public static IReadOnlyList<string> Errors(this IHtmlDocument page) =>
        page.QuerySelectorAll(".field-validation-error, .validation-summary-errors li, .np-danger[role=alert] li")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).Distinct().ToList();

    public static string? ValueOf(this IHtmlDocument page, string name) =>
        (page.QuerySelector($"[name='{name}']") as IHtmlInputElement)?.Value
        ?? (page.QuerySelector($"[name='{name}']") as IHtmlTextAreaElement)?.Value;

    public static string Location(this HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}");

    private static IHtmlFormElement FindForm(IHtmlDocument page, string? actionContains)
    {
        var forms = page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().ToList();
        var form = actionContains is null
            ? forms.FirstOrDefault(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase))
            : forms.FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains(actionContains, StringComparison.OrdinalIgnoreCase));
        return form ?? throw new InvalidOperationException($"No form{(actionContains is null ? "" : $" with action containing '{actionContains}'")} on the page.");
    }

    private static string Excerpt(string html) => html.Length > 600 ? html[..600] : html;
}
