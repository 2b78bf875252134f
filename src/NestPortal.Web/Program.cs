using NestPortal.Web.Infrastructure;
using NestPortal.Web.Startup;
using NestPortal.Web.Infrastructure.RentRuns;
using NestPortal.Web.Infrastructure.VolumeData;
using NestPortal.Web.Reports;
using Serilog;

// Maintenance commands instead of the web host: fill the database with volume data, run the rent run once, or
// benchmark the yearly report, and exit.
if (VolumeCommand.IsRequested(args))
{
    Environment.ExitCode = await VolumeCommand.RunAsync(args);
    return;
}

if (RentRunCommand.IsRequested(args))
{
    Environment.ExitCode = await RentRunCommand.RunAsync(args);
    return;
}

if (ReportBenchCommand.IsRequested(args))
{
    Environment.ExitCode = await ReportBenchCommand.RunAsync(args);
    return;
}

if (NestPortal.Web.Import.ImportBenchCommand.IsRequested(args))
{
    Environment.ExitCode = await NestPortal.Web.Import.ImportBenchCommand.RunAsync(args);
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
