using NestPortal.Web.Infrastructure;
using NestPortal.Web.Infrastructure.VolumeData;
using Serilog;

// A maintenance command instead of the web host: fills the database with volume data and exits.
if (VolumeCommand.IsRequested(args))
{
    Environment.ExitCode = await VolumeCommand.RunAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext());

builder.Services.AddNestPortal(builder.Configuration, builder.Environment);

var app = builder.Build();

app.UseNestPortal();
await app.Services.InitializeDatabaseAsync(app.Configuration, app.Environment);

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
