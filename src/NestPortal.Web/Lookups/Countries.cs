using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;

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

    /// <summary>Options for a select, sorted as people of the culture sort ("Ägypten" next to "Afghanistan").</summary>
    public IReadOnlyList<SelectListItem> Options(string placeholder, bool nationality, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var comparer = StringComparer.Create(culture, ignoreCase: true);
        var options = new List<SelectListItem> { new(placeholder, string.Empty) };
        if (nationality) options.AddRange(NationalityOnly.Select(c => new SelectListItem(c.NameIn(culture), c.Code)));
        options.AddRange(All.OrderBy(c => c.NameIn(culture), comparer).Select(c => new SelectListItem(c.NameIn(culture), c.Code)));
        return options;
    }
}
