using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>Looks into the database behind the portal, to check what was (or was not) saved.</summary>
public static class Database
{
    public static async Task<T> QueryAsync<T>(this PortalFactory factory, Func<NestPortalDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
        return await query(db);
    }

    /// <summary>Changes the database as a staff page would (the same context, so the audit log is written too).</summary>
    public static async Task ExecuteAsync(this PortalFactory factory, Func<NestPortalDbContext, Task> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
        await change(db);
    }

    /// <summary>Adds a record and saves it.</summary>
    public static Task ExecuteAsync<T>(this PortalFactory factory, Func<NestPortalDbContext, T> add) where T : class =>
        factory.ExecuteAsync(async db =>
        {
            add(db);
            await db.SaveChangesAsync();
        });

    public static Task<int> DemoMentorGroupIdAsync(this PortalFactory factory) =>
        factory.QueryAsync(db => db.MentoringGroups.Where(g => g.Name == "Willkommensteam Hörde").Select(g => g.Id).SingleAsync());

    public static Task<int> GroupIdAsync(this PortalFactory factory, string name) =>
        factory.QueryAsync(db => db.MentoringGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync());
}
