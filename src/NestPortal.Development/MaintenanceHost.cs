using NestPortal.Development.DemoData;
using NestPortal.Web.Startup;

namespace NestPortal.Development;

/// <summary>
/// The portal's services without the web server, for the maintenance commands (volume data, rent run,
/// report and import benchmarks): configured as a start of the development host would be, the database
/// brought up to date and the demo data seeded (the benchmarks sign in as the demo users).
/// </summary>
public static class MaintenanceHost
{
    public static async Task<WebApplication> StartAsync(string[] hostArgs)
    {
        var builder = WebApplication.CreateBuilder(WebProjectContent.Options(hostArgs));
        builder.Services.AddNestPortal(builder.Configuration, builder.Environment);
        builder.Services.AddDemoData();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        await app.Services.InitializeDatabaseAsync(app.Configuration, app.Environment);
        return app;
    }
}
