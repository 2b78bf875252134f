namespace NestPortal.Web.PageModels;

/// <summary>
/// Search terms as LIKE patterns: case-insensitive on SQLite (for ASCII letters) and on SQL Server's
/// default collation alike, where string.Contains would differ between the two. What the person typed
/// is matched literally: % and _ are escaped.
/// </summary>
public static class SearchPattern
{
    public const string Escape = "\\";

    public static string Contains(string term) => "%" + Literal(term.Trim()) + "%";

    /// <summary>Text that starts with <paramref name="prefix"/> exactly as given (not trimmed).</summary>
    public static string StartsWith(string prefix) => Literal(prefix) + "%";

    private static string Literal(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
