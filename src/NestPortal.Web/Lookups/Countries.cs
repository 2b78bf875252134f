using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace NestPortal.Web.Lookups;

/// <summary>A country of the ISO 3166-1 list, with its German and English short names.</summary>
public sealed record Country(string Code, string German, string English)
{
    public string NameIn(CultureInfo culture) => culture.TwoLetterISOLanguageName == "de" ? German : English;
}

/// <summary>
/// The ISO 3166-1 alpha-2 countries (embedded <c>ReferenceData/countries.csv</c> of the data project),
/// loaded once: nationality and country of first refuge are picked from it and checked against it.
/// No table: the list changes only with a new release of the file.
/// </summary>
public sealed class Countries
{
    private const string Resource = "NestPortal.Data.ReferenceData.countries.csv";

    /// <summary>
    /// Not countries, but nationalities staff must be able to record: many resettled refugees are
    /// stateless (Palestinians from Syria, Rohingya) or their nationality is unresolved. Codes from
    /// ISO's user-assigned range, so they never clash with a real country.
    /// </summary>
    public static readonly IReadOnlyList<Country> NationalityOnly =
    [
        new("XX", "staatenlos", "stateless"),
        new("ZZ", "ungeklärt", "unresolved"),
    ];

    private readonly Dictionary<string, Country> _byCode;

    public IReadOnlyList<Country> All { get; }

    public Countries(IEnumerable<Country> countries)
    {
        All = countries.ToList();
        _byCode = All.Concat(NationalityOnly).ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
    }

    public static Countries FromEmbeddedList()
    {
        using var stream = typeof(NestPortal.Data.NestPortalDbContext).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        var countries = new List<Country>();
        reader.ReadLine(); // header: code;german;english
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var parts = line.Split(';');
            if (parts.Length != 3 || parts[0].Length != 2) throw new InvalidDataException($"Bad line in {Resource}: {line}");
            countries.Add(new Country(parts[0], parts[1], parts[2]));
        }

        return new Countries(countries);
    }

    public bool IsCountry(string? code) => code is not null && _byCode.TryGetValue(code.Trim(), out var c) && !NationalityOnly.Contains(c);

    public bool IsNationality(string? code) => code is not null && _byCode.ContainsKey(code.Trim());

    /// <summary>The name in the culture's language; an unknown code is shown as it is.</summary>
    public string Name(string? code, CultureInfo? culture = null) =>
        code is not null && _byCode.TryGetValue(code.Trim(), out var country) ? country.NameIn(culture ?? CultureInfo.CurrentUICulture) : code ?? string.Empty;

    /// <summary>
    /// Options for a select: the placeholder, then the <paramref name="common"/> codes in their order
    /// (group "Häufig"), then, for a nationality, stateless and unresolved, then every country sorted as
    /// people of the culture sort ("Ägypten" next to "Afghanistan"). A common country is listed twice, so
    /// that the full list stays complete where people look for it; unknown common codes are left out.
    /// </summary>
    public IReadOnlyList<SelectListItem> Options(CountryListLabels labels, bool nationality, IEnumerable<string> common, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var comparer = StringComparer.Create(culture, ignoreCase: true);
        var options = new List<SelectListItem> { new(labels.Placeholder, string.Empty) };
        var commonGroup = new SelectListGroup { Name = labels.Common };
        options.AddRange(common.Where(c => nationality ? IsNationality(c) : IsCountry(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct()
            .Select(c => new SelectListItem(Name(c, culture), c) { Group = commonGroup }));
        if (nationality)
        {
            var withoutGroup = new SelectListGroup { Name = labels.WithoutNationality };
            options.AddRange(NationalityOnly.Select(c => new SelectListItem(c.NameIn(culture), c.Code) { Group = withoutGroup }));
        }

        var allGroup = new SelectListGroup { Name = labels.All };
        options.AddRange(All.OrderBy(c => c.NameIn(culture), comparer).Select(c => new SelectListItem(c.NameIn(culture), c.Code) { Group = allGroup }));
        return options;
    }

    /// <summary>
    /// The country a person typed or a spreadsheet holds: an ISO 3166-1 alpha-2 code ("SY") or alpha-3 code
    /// ("SYR"), or the German or English name ("Syrien", "SYRIA"), compared like the import compares words
    /// (case, spaces, punctuation and the spelling of umlauts do not matter; "Kongo, Demokratische Republik"
    /// also as "Demokratische Republik Kongo"). Stateless and unresolved count only as a nationality.
    /// Null when nothing matches, or when a name fits two countries.
    /// </summary>
    public Country? Resolve(string? text, bool nationality)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        var found = trimmed.Length == 2 && _byCode.TryGetValue(trimmed, out var byCode) ? byCode
            : ResolveIndex.GetValueOrDefault(Import.ImportHeaders.Normalise(trimmed));
        return found is not null && (nationality || !NationalityOnly.Contains(found)) ? found : null;
    }

    private Dictionary<string, Country?>? _resolveIndex;

    /// <summary>
    /// Alpha-3 codes (from the runtime's ISO region data) and every name in both languages, normalised, built
    /// once; a key two countries share maps to null, so an ambiguous name is refused rather than guessed.
    /// </summary>
    private Dictionary<string, Country?> ResolveIndex => LazyInitializer.EnsureInitialized(ref _resolveIndex, () =>
    {
        var index = new Dictionary<string, Country?>(StringComparer.Ordinal);
        foreach (var country in All.Concat(NationalityOnly))
        {
            var forms = new[] { country.German, country.English }.SelectMany(NameForms).Append(AlphaThree(country.Code));
            foreach (var key in forms.Select(Import.ImportHeaders.Normalise).Where(k => k.Length > 2).Distinct())
                index[key] = index.TryGetValue(key, out var other) && other != country ? null : country;
        }

        return index;
    });

    /// <summary>A name as the list writes it and, for "Kongo, Demokratische Republik", as people say it.</summary>
    private static IEnumerable<string> NameForms(string name)
    {
        yield return name;
        var comma = name.IndexOf(", ", StringComparison.Ordinal);
        if (comma > 0) yield return name[(comma + 2)..] + " " + name[..comma];
    }

    /// <summary>The ISO alpha-3 code of an alpha-2 code, or nothing for a code the runtime does not know (XX, ZZ).</summary>
    private static string AlphaThree(string alpha2)
    {
        try
        {
            var three = new RegionInfo(alpha2).ThreeLetterISORegionName;
            return three.Length == 3 && three.All(char.IsAsciiLetter) ? three : string.Empty;
        }
        catch (ArgumentException)
        {
            return string.Empty;
        }
    }
}

/// <summary>The texts of a country list: its placeholder and the labels of its groups (optgroup labels, read out by screen readers).</summary>
public sealed record CountryListLabels(string Placeholder, string Common, string WithoutNationality, string All)
{
    public static CountryListLabels From(IStringLocalizer l) =>
        new(l["– bitte wählen –"], l["Häufig"], l["Staatenlos oder ungeklärt"], l["Alle Länder"]);
}
