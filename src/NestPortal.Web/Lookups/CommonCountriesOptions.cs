namespace NestPortal.Web.Lookups;

/// <summary>
/// The group "Häufig" at the top of every country list (configuration section <c>CommonCountries</c>):
/// how many countries it holds, and the countries it falls back on while the portal's own data names
/// fewer (a new installation, an empty database). The defaults are the nationalities and countries of
/// first refuge typical of NesT's families (docs/domain.md, "Countries").
/// </summary>
public sealed class CommonCountriesOptions
{
    public const string Section = "CommonCountries";

    /// <summary>Nationalities typical of the programme: Syria, Eritrea, Sudan, South Sudan, Somalia, Ethiopia, Afghanistan, Iraq, Yemen, DR Congo.</summary>
    public static readonly IReadOnlyList<string> TypicalNationalities = ["SY", "ER", "SD", "SS", "SO", "ET", "AF", "IQ", "YE", "CD"];

    /// <summary>Countries of first refuge typical of the programme: Lebanon, Jordan, Türkiye, Egypt, Ethiopia, Kenya, Sudan, Chad, Uganda, Rwanda.</summary>
    public static readonly IReadOnlyList<string> TypicalFirstRefugeCountries = ["LB", "JO", "TR", "EG", "ET", "KE", "SD", "TD", "UG", "RW"];

    /// <summary>How many countries the group holds at most.</summary>
    public int Count { get; set; } = 10;

    /// <summary>ISO 3166-1 alpha-2 codes; empty means <see cref="TypicalNationalities"/>. (Not defaulted here: the binder would add to a default list, not replace it.)</summary>
    public string[] Nationalities { get; set; } = [];

    /// <summary>ISO 3166-1 alpha-2 codes; empty means <see cref="TypicalFirstRefugeCountries"/>.</summary>
    public string[] FirstRefugeCountries { get; set; } = [];

    public IReadOnlyList<string> FallbackNationalities => Nationalities.Length > 0 ? Nationalities : TypicalNationalities;

    public IReadOnlyList<string> FallbackFirstRefugeCountries => FirstRefugeCountries.Length > 0 ? FirstRefugeCountries : TypicalFirstRefugeCountries;
}
