using Microsoft.Extensions.DependencyInjection;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// The SQL commands one factory's portal sends while an action runs, read from the portal's own
/// counter (the one the request log reports). Shows that a page's count does not grow with its rows.
/// </summary>
public static class SqlCommands
{
    public static async Task<long> CommandsDuringAsync(this PortalFactory factory, Func<Task> action)
    {
        var counter = factory.Services.GetRequiredService<SqlCommandCounter>();
        var before = counter.Total;
        await action();
        return counter.Total - before;
    }
}
