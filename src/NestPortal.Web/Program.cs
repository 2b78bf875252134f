using NestPortal.Web.Infrastructure;
using Serilog;

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
