using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NestPortal.Web.Infrastructure;

public static class DbErrors
{
    /// <summary>
    /// A unique index refused the row: two people saved the same value at once, after both passed the
    /// check before saving. SQLite: extended code 2067; SQL Server: errors 2601 and 2627.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067,
        Microsoft.Data.SqlClient.SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        _ => false,
    };
}
