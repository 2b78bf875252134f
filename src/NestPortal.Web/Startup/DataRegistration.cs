using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Data.Seeding;

namespace NestPortal.Web.Startup;

/// <summary>The database (SQLite or SQL Server), the audit trail's actor, start-up seeding and the data-protection keys.</summary>
public static class DataRegistration
{
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddSingleton<SqlCommandCounter>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SqlCommandCounter>());
        services.AddNestPortalDatabase(configuration, environment.ContentRootPath);
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<IdentitySeeder>();
        services.AddScoped<NestPortal.Web.Reports.AnnualReportQuery>();
        // Readiness writes the database (ADR 0022); liveness (/health/live) runs no check at all.
        services.AddHealthChecks().AddCheck<DatabaseReadiness>("database", tags: [DatabaseReadiness.Tag]);
        services.AddDataProtection().SetApplicationName("NestPortal").PersistKeysToDbContext<NestPortalDbContext>();
        return services;
    }
}
