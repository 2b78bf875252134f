using NestPortal.Development.DemoData;
using NestPortal.Web.Startup;

namespace NestPortal.Development;

/// <summary>
/// <c>dotnet run --project src/NestPortal.Development [-- command …]</c>: with a command's name as the first
/// argument (see <see cref="MaintenanceCommands"/>) it runs that command and exits; otherwise it runs the
/// portal exactly as NestPortal.Web does, plus the demo accounts and data.
/// </summary>
public static class DevelopmentHost
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && MaintenanceCommands.ByName.TryGetValue(args[0], out var command))
            return await command(args);

        var app = CreatePortalBuilder(args).Build();
        await app.PrepareNestPortalAsync();
        await app.RunAsync();
        return 0;
    }

    /// <summary>NestPortal.Web's builder, on its content, with the demo data added.</summary>
    public static WebApplicationBuilder CreatePortalBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(WebProjectContent.Options(args));
        builder.AddNestPortalHost();
        builder.Services.AddDemoData();
        return builder;
    }
}
