using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Outreach;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Outreach;

/// <summary>What staff tick and type into the outreach form: municipalities are repeated fields, as checkboxes post them.</summary>
internal static class OutreachForms
{
    public const string Koeln = "05315000", Bonn = "05314000", Dortmund = "05913000", Bielefeld = "05711000";

    public static DateOnly Today => TestGroups.Today;

    public static List<KeyValuePair<string, string>> EventForm(string title, DateOnly? heldOn = null, string kind = "Conference", string note = "",
        string[]? invited = null, string[]? informed = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.HeldOn", (heldOn ?? new DateOnly(2021, 9, 14)).Iso()),
            new("Input.Title", title),
            new("Input.Kind", kind),
            new("Input.Note", note),
        };
        fields.AddRange((invited ?? [Koeln, Dortmund]).Select(a => new KeyValuePair<string, string>("Input.Invited", a)));
        fields.AddRange((informed ?? [Koeln]).Select(a => new KeyValuePair<string, string>("Input.Informed", a)));
        return fields;
    }

    /// <summary>
    /// Posts the page's first form with its own hidden fields (token, version) plus <paramref name="fields"/>,
    /// which may repeat a name; a field given replaces the hidden one of that name.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFieldsAsync(this HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().First(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase));
        var given = fields.ToList();
        var names = given.Select(f => f.Key).ToHashSet();
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name) && !names.Contains(i.Name!))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        values.AddRange(given);
        return await client.PostAsync(pageUrl, new FormUrlEncodedContent(values));
    }

    public static Task<OutreachEvent?> FindAsync(this PortalFactory factory, string title) =>
        factory.QueryAsync(db => db.OutreachEvents.AsNoTracking().SingleOrDefaultAsync(o => o.Title == title));

    /// <summary>Records an event directly, as if through the form.</summary>
    public static async Task<int> RecordOutreachAsync(this PortalFactory factory, string title, string[] invited, string[] informed)
    {
        var outreach = OutreachEvent.Record(new DateOnly(2022, 5, 10), title, OutreachKind.Meeting, null,
            invited.Select(Domain.Municipalities.Ags.Parse), informed.Select(Domain.Municipalities.Ags.Parse), Today,
            new Domain.Common.Actor("test", "Test"), TestClock.UtcNow);
        await factory.ExecuteAsync(db => db.OutreachEvents.Add(outreach));
        return outreach.Id;
    }
}
