using NestPortal.Web.Startup;

namespace NestPortal.Web.Infrastructure;

/// <summary>
/// The portal's services without the web server, for the maintenance commands (volume data, rent run,
/// report benchmark): configured as a start of the portal would be, the database brought up to date.
/// </summary>
public static class MaintenanceHost
{
    public static async Task<WebApplication> StartAsync(string[] hostArgs)
    {
        var builder = WebApplication.CreateBuilder(hostArgs);
        builder.Services.AddNestPortal(builder.Configuration, builder.Environment);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        await app.Services.InitializeDatabaseAsync(app.Configuration, app.Environment);
        return app;
    }
}
