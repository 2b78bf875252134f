using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Data.Seeding;
using NestPortal.Web.Infrastructure.KeysAtRest;

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
        // Caches that forget on writes: the header's unread count per message list (ADR 0031) and the report (ADR 0033).
        services.AddMemoryCache();
        // The header's unread count is forgotten by every save of a message.
        services.AddSingleton<NestPortal.Web.Notifications.UnreadCounts>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<NestPortal.Web.Notifications.UnreadCounts>());
        services.AddNestPortalDatabase(configuration, environment.ContentRootPath);
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<IdentitySeeder>();
        services.AddScoped<NestPortal.Web.Reports.AnnualReportQuery>();
        // The report is cached until a table it reads is written (ADR 0033): the version watches every SQL command.
        services.AddSingleton<NestPortal.Web.Reports.ReportDataVersion>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<NestPortal.Web.Reports.ReportDataVersion>());
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<NestPortal.Web.Reports.ReportDataVersion>().Commits);
        services.AddScoped<NestPortal.Web.Reports.AnnualReportCache>();
        // Readiness writes the database (ADR 0022); liveness (/health/live) runs no check at all.
        services.AddHealthChecks().AddCheck<DatabaseReadiness>("database", tags: [DatabaseReadiness.Tag]);
        services.AddKeysAtRest(configuration, environment);
        return services;
    }

    /// <summary>
    /// The data-protection keys live in the database, shared by every instance, and are encrypted there
    /// (ADR 0019): with a certificate from configuration, or, where none is configured outside Production,
    /// with a key file kept beside the SQLite file. Production refuses to start without the certificate.
    /// </summary>
    private static void AddKeysAtRest(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("NestPortal").PersistKeysToDbContext<NestPortalDbContext>();
        var certificatePath = configuration["DataProtection:Certificate:Path"];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration["DataProtection:Certificate:Password"]);
            // Unprotect with the same certificate without installing it in a certificate store.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
            return;
        }

        if (environment.IsProduction())
            throw new InvalidOperationException(
                "DataProtection:Certificate:Path (and DataProtection:Certificate:Password) must be set in Production: the data-protection keys in the database are encrypted with that certificate (docs/operations.md).");

        var keyFile = configuration["DataProtection:KeyFile"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : DefaultKeyFile(configuration, environment.ContentRootPath);
        var key = KeyEncryptionKey.LoadOrCreate(keyFile);
        services.AddSingleton(key);
        services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(options => options.XmlEncryptor = new AesGcmXmlEncryptor(key));
    }

    /// <summary>Beside the SQLite file (so each database has its own), else App_Data under the content root.</summary>
    private static string DefaultKeyFile(IConfiguration configuration, string contentRoot)
    {
        const string fileName = "dataprotection-kek.key";
        if (DatabaseProvider.ProviderName(configuration) == DatabaseProvider.Sqlite)
        {
            var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(DatabaseProvider.ConnectionString(configuration, contentRoot)).DataSource;
            if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:")
                return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataSource, contentRoot))!, fileName);
        }

        return Path.Combine(contentRoot, "App_Data", fileName);
    }
}
