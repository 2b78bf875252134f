using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// Every Razor page the running app exposes, from its own endpoint data, with the HTTP methods its
/// handlers answer (OnGet, OnPostApprove, …). Tests built on it cover pages added later by construction.
/// </summary>
public static class PageCatalogue
{
    public sealed record PageEndpoint(string Page, string Route, IReadOnlyList<PageHandler> Handlers);

    public sealed record PageHandler(string Method, string? Name);

    public static IReadOnlyList<PageEndpoint> Pages(PortalFactory factory)
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var pageModels = PageModelTypes();
        return endpoints
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page is not null)
            .Select(x => new PageEndpoint(x.Page!.ViewEnginePath, "/" + x.Endpoint.RoutePattern.RawText!.TrimStart('/'),
                HandlersOf(pageModels.GetValueOrDefault(x.Page.ViewEnginePath))))
            // A page reachable at two routes (e.g. "/" and "/Index") is checked once, at its shortest.
            .GroupBy(p => p.Page)
            .Select(g => g.OrderBy(p => p.Route.Length).First())
            .OrderBy(p => p.Page)
            .ToList();
    }

    private static Dictionary<string, Type?> PageModelTypes() =>
        typeof(Program).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Where(a => a.Kind == "mvc.1.0.razor-page")
            .ToDictionary(
                a => a.Identifier.Replace("/Pages", string.Empty, StringComparison.Ordinal).Replace(".cshtml", string.Empty, StringComparison.Ordinal),
                a => a.Type.GetProperty("Model")?.PropertyType);

    private static IReadOnlyList<PageHandler> HandlersOf(Type? model)
    {
        // A page without a model of its own answers GET only.
        if (model is null || !typeof(PageModel).IsAssignableFrom(model)) return [new PageHandler("GET", null)];
        return model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => m.Name)
            .Where(n => n.StartsWith("OnGet", StringComparison.Ordinal) || n.StartsWith("OnPost", StringComparison.Ordinal))
            .Select(n => n.EndsWith("Async", StringComparison.Ordinal) ? n[..^5] : n)
            .Select(n => n.StartsWith("OnGet", StringComparison.Ordinal)
                ? new PageHandler("GET", NullIfEmpty(n[5..]))
                : new PageHandler("POST", NullIfEmpty(n[6..])))
            .Distinct()
            .ToList();
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
