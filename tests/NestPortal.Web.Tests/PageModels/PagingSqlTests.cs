using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Web.PageModels;
using Shouldly;

namespace NestPortal.Web.Tests.PageModels;

/// <summary>
/// A list page's rows and total come in one command: the total is a subquery beside each row. SQL Server refuses an
/// ORDER BY inside such a subquery (without TOP), so the ordering must not reach the count on either provider.
/// </summary>
public sealed class PagingSqlTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=NestPortal;TrustServerCertificate=True")]
    public void The_total_beside_the_rows_is_counted_without_ordering(string provider, string connectionString)
    {
        using var db = new NestPortalDbContext(DatabaseProvider.OptionsFor(provider, connectionString));
        var query = db.Municipalities.AsNoTracking().OrderBy(m => m.Name).Select(m => m.Name);

        var sql = PagingExtensions.PageWithTotal(query, page: 3, pageSize: 20).ToQueryString();

        var count = sql[sql.IndexOf("COUNT(*)", StringComparison.Ordinal)..];
        var countSubquery = count[..count.IndexOf(')', count.IndexOf("FROM", StringComparison.Ordinal))];
        countSubquery.ShouldNotContain("ORDER BY");
        sql.ShouldContain("ORDER BY");
    }
}
