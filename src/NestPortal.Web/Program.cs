using NestPortal.Web.Startup;

// The portal and nothing else: demo data and the maintenance and benchmark commands live in the
// development host (src/NestPortal.Development, docs/adr/0011-development-host.md).
var builder = WebApplication.CreateBuilder(args);
builder.AddNestPortalHost();

var app = builder.Build();
await app.PrepareNestPortalAsync();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
