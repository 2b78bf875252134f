namespace NestPortal.Web.PageModels;

/// <summary>
/// Search terms as LIKE patterns: case-insensitive on SQLite (for ASCII letters) and on SQL Server's
/// default collation alike, where string.Contains would differ between the two. What the person typed
/// is matched literally: % and _ are escaped.
/// </summary>
public static class SearchPattern
{
    public const string Escape = "\\";

    public static string Contains(string term) =>
        "%" + term.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
