using FortunesReference;
using Microsoft.EntityFrameworkCore;

// Binds where --urls (or ASPNETCORE_URLS) says; the SQLite file is ConnectionStrings:Fortunes.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();
builder.Services.AddDbContextPool<FortunesContext>(options =>
    options.UseSqlite(builder.Configuration.GetConnectionString("Fortunes") ?? "Data Source=fortunes.db"));

var app = builder.Build();
await FortunesContext.RecreateAsync(app.Services);
app.MapRazorPages();
app.MapGet("/health", () => "ok");
await app.RunAsync();
