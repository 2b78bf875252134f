using Serilog;

namespace NestPortal.Web.Startup;

/// <summary>
/// The portal's host, in two steps around <c>Build()</c>: Program.cs runs exactly these, and so does the
/// development host (src/NestPortal.Development), which adds only its demo data in between, so the two
/// cannot drift apart.
/// </summary>
public static class PortalHost
{
    /// <summary>Logging from configuration and every service the portal runs with.</summary>
    public static WebApplicationBuilder AddNestPortalHost(this WebApplicationBuilder builder)
    {
        // The host's own logger, not the static Log.Logger: hosts side by side in one process (the tests' factories,
        // the benchmark's) would otherwise all write through whichever was built last.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext(), preserveStaticLogger: true);
        builder.Services.AddNestPortal(builder.Configuration, builder.Environment);
        return builder;
    }

    /// <summary>The request pipeline, then the database brought up to date; what is left is <c>Run</c>.</summary>
    public static async Task<WebApplication> PrepareNestPortalAsync(this WebApplication app)
    {
        app.UseNestPortal();
        await app.Services.InitializeDatabaseAsync(app.Configuration, app.Environment);
        return app;
    }
}
