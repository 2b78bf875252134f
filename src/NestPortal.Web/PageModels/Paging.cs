using Microsoft.EntityFrameworkCore;

namespace NestPortal.Web.PageModels;

/// <summary>One page of a list, with what the pager needs to link to the others.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
    public bool HasPrevious => PageNumber > 1;
    public bool HasNext => PageNumber < PageCount;
}

public static class PagingExtensions
{
    public const int DefaultPageSize = 20;

    /// <summary>
    /// The page's rows with the total beside each row, in one SQL command (the count is an uncorrelated
    /// subquery, which SQLite and SQL Server evaluate once). Only a page past the end (an old link after
    /// rows went away) costs more: the count, then the last page.
    /// </summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, int pageNumber, int pageSize = DefaultPageSize)
    {
        var page = Math.Max(1, pageNumber);
        var rows = await PageWithTotal(query, page, pageSize).ToListAsync();
        if (rows.Count > 0) return new Paged<T>(rows.ConvertAll(r => r.Item), page, pageSize, rows[0].Total);
        if (page == 1) return new Paged<T>([], 1, pageSize, 0);

        var total = await query.CountAsync();
        var last = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        var items = total == 0 ? [] : await query.Skip((last - 1) * pageSize).Take(pageSize).ToListAsync();
        return new Paged<T>(items, last, pageSize, total);
    }

    /// <summary>One page of rows, each with the query's total (ToPagedAsync's single command).</summary>
    internal static IQueryable<CountedRow<T>> PageWithTotal<T>(IQueryable<T> query, int page, int pageSize) =>
        query.Skip((page - 1) * pageSize).Take(pageSize).Select(item => new CountedRow<T>(item, query.Count()));

    internal sealed record CountedRow<T>(T Item, int Total);
}

/// <summary>What the pager partial gets: the page numbers and the current filters to keep.</summary>
public sealed record PagerModel(int PageNumber, int PageCount, int Total, IDictionary<string, string?> RouteValues);
