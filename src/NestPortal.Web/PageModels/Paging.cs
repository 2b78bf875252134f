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

    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, int pageNumber, int pageSize = DefaultPageSize)
    {
        var total = await query.CountAsync();
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        var page = Math.Clamp(pageNumber, 1, pageCount);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        return new Paged<T>(items, page, pageSize, total);
    }
}

/// <summary>What the pager partial gets: the page numbers and the current filters to keep.</summary>
public sealed record PagerModel(int PageNumber, int PageCount, int Total, IDictionary<string, string?> RouteValues);
