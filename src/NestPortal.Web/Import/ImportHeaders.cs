using System.Text;

namespace NestPortal.Web.Import;

/// <summary>
/// Column and sheet names as people type them: case, spaces, hyphens, a trailing "*" and the spelling
/// of umlauts (ä/ae, ß/ss) do not matter.
/// </summary>
public static class ImportHeaders
{
    public static string Normalise(string? name)
    {
        var builder = new StringBuilder();
        // Composed first: a Mac may send "Ö" as "O" plus a combining diaeresis, which would otherwise be dropped.
        foreach (var c in (name ?? string.Empty).Normalize(NormalizationForm.FormC).Trim().ToLowerInvariant())
        {
            switch (c)
            {
                case 'ä': builder.Append("ae"); break;
                case 'ö': builder.Append("oe"); break;
                case 'ü': builder.Append("ue"); break;
                case 'ß': builder.Append("ss"); break;
                case '\uFEFF':
                    break;
                default:
                    if (char.IsLetterOrDigit(c)) builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Maps the file's headers to the sheet's columns (German name → the file's header), and names what is missing or unknown.</summary>
    public static (Dictionary<string, string> Map, List<ImportColumn> Missing, List<string> Unknown) Match(ImportSheet sheet, IEnumerable<string> headers)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var header in headers)
        {
            if (string.IsNullOrWhiteSpace(header)) continue;
            var normalised = Normalise(header);
            var column = sheet.Columns.FirstOrDefault(c => Normalise(c.German) == normalised || Normalise(c.English) == normalised);
            if (column is null) unknown.Add(header);
            else map.TryAdd(column.German, header);
        }

        var missing = sheet.Columns.Where(c => c.Required && !map.ContainsKey(c.German)).ToList();
        return (map, missing, unknown);
    }
}
