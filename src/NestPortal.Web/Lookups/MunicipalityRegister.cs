using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Web.Lookups;

/// <summary>
/// The municipality register as the pages show it: name, town-hall postcode, district and
/// Regierungsbezirk of the 396 NRW municipalities. These columns come from the register's reference
/// data, upserted by AGS at start-up (<c>ReferenceDataSeeder</c>) and changed by no page, so they are
/// read once per process instead of once (or once per row) per request (ADR 0032). What pages do
/// change on a municipality (Sicherer Hafen, administration address, mailbox) is not held here.
/// </summary>
public sealed class MunicipalityRegister(IServiceScopeFactory scopes)
{
    private volatile Entries? _entries;

    public async Task<Entries> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_entries is { } entries) return entries;
        // Requests that race here read the same rows twice at worst; the first process start pays for it.
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
        var rows = await db.Municipalities.AsNoTracking()
            .Select(m => new Entry(m.Ags, m.Name, m.Postcode, m.District, m.AdministrativeRegion))
            .ToListAsync(cancellationToken);
        return _entries = new Entries(rows);
    }

    public sealed record Entry(Ags Ags, string Name, string Postcode, string District, string AdministrativeRegion)
    {
        /// <summary>The datalist's text, which <see cref="MunicipalityLookup.ResolveAsync"/> reads back.</summary>
        public string OptionText => $"{Name} ({Postcode}) – {Ags}";
    }

    public sealed class Entries
    {
        private readonly Dictionary<Ags, Entry> _byAgs;

        public Entries(IEnumerable<Entry> rows)
        {
            All = rows.OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Ags.Value, StringComparer.Ordinal).ToList();
            _byAgs = All.ToDictionary(e => e.Ags);
            Regions = All.Select(e => e.AdministrativeRegion).Distinct().Order(StringComparer.Ordinal).ToList();
            OptionsHtml = RenderOptions(All);
        }

        /// <summary>
        /// The datalist's 396 options as HTML, encoded once: written as they are by every form that offers them.
        /// Umlauts stay UTF-8 characters (the page is UTF-8) instead of six-byte references, which halves their size.
        /// </summary>
        public string OptionsHtml { get; }

        /// <summary>By name, as the datalist offers them.</summary>
        public IReadOnlyList<Entry> All { get; }

        /// <summary>The Regierungsbezirke, for the lists' region filters.</summary>
        public IReadOnlyList<string> Regions { get; }

        public Entry? Find(Ags ags) => _byAgs.GetValueOrDefault(ags);

        /// <summary>The municipality's name, or its AGS for one the register does not know.</summary>
        public string NameOf(Ags ags) => Find(ags)?.Name ?? ags.ToString();

        private static string RenderOptions(IEnumerable<Entry> entries)
        {
            var encoder = HtmlEncoder.Create(UnicodeRanges.All);
            var html = new StringBuilder();
            foreach (var entry in entries) html.Append("<option value=\"").Append(encoder.Encode(entry.OptionText)).Append("\"></option>");
            return html.ToString();
        }
    }
}
