using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// The portal as it runs, on its own SQLite file in a temporary folder (migrated and seeded on start,
/// like `dotnet run`), with the demo users and a mail pickup folder the tests read.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public string Folder { get; }
    public string DatabasePath => Path.Combine(Folder, "nestportal.db");
    public string MailFolder => Path.Combine(Folder, "mail");

    /// <summary>
    /// The suite signs in hundreds of times from one address (TestServer has none; the browser tests come
    /// from 127.0.0.1), so it runs with limits no test reaches; the rate-limit tests turn this off and
    /// meet the portal's defaults.
    /// </summary>
    public bool GenerousRateLimits { get; init; } = true;

    /// <summary>Demo accounts skip the second factor unless a test says otherwise.</summary>
    public bool RelaxTwoFactorForDemoUsers { get; init; } = true;

    private readonly bool _ownsFolder;

    /// <summary>The demo accounts and data; a portal started as Production refuses them.</summary>
    protected virtual bool WithDemoData => true;

    /// <summary>The demo set's history 2019–2025, unless a test compares report figures with an imported history alone.</summary>
    public bool DemoHistory { get; init; } = true;

    public PortalFactory()
        : this(NewFolder(), ownsFolder: true)
    {
    }

    /// <summary>A portal on a database folder another portal may share (several instances of one cluster); the owner deletes it.</summary>
    protected PortalFactory(string folder, bool ownsFolder)
    {
        Folder = folder;
        _ownsFolder = ownsFolder;
        Directory.CreateDirectory(Folder);
    }

    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "nestportal-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads these before the host is built.
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Authentication:TwoFactor:RelaxForDemoUsers", RelaxTwoFactorForDemoUsers ? "true" : "false");
        builder.UseSetting("Mail:PickupDirectory", MailFolder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // No rent run in the background: tests book and settle with explicit dates, and their data must stay as they made it.
        builder.UseSetting("RentRun:Enabled", "false");
        builder.UseSetting("Retention:Enabled", "false");
        builder.UseSetting("Notifications:RemindersEnabled", "false");
        // The demo set leaves the programme open: the suite's days lie after its end (2025), and its tests submit and match.
        builder.UseSetting("Demo:EndProgramme", "false");
        builder.UseSetting("Demo:History", DemoHistory ? "true" : "false");
        if (GenerousRateLimits)
        {
            foreach (var form in new[] { "SignIn", "SecondFactor", "Mail" })
            {
                builder.UseSetting($"RateLimits:{form}:PerAddress", "100000");
                builder.UseSetting($"RateLimits:{form}:PerAccount", "100000");
            }
        }

        // The client address a test names in a header (ClientAddress.Header); never part of the portal itself.
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddress.FromTestHeader>());
        // The suite's fixed day, not the real one: no test may depend on the date it runs.
        // The demo accounts and data, as the development host adds them.
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(TestClock.Instance);
            if (WithDemoData) services.AddDemoData();
            PasswordHashes.Register(services);
        });
    }

    /// <summary>How many password hashes the portal computed so far (<see cref="Infrastructure.PasswordHashes"/>).</summary>
    public PasswordHashes PasswordHashes => Services.GetRequiredService<PasswordHashes>();

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // A derived fixture whose own initialisers threw (no SMTP server) never ran this class's
        // initialisers; the finalizer still calls Dispose, and must not crash the test host.
        if (string.IsNullOrEmpty(Folder) || !_ownsFolder) return;
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary folder behind; it must not fail the test.
        }
    }
}
