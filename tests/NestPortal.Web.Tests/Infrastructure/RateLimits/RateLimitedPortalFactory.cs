using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace NestPortal.Web.Tests.Infrastructure.RateLimits;

/// <summary>
/// The portal with its default rate limits (appsettings.json), on a clock that stands still at half past
/// a minute of the suite's day until a test moves it.
/// </summary>
public sealed class RateLimitedPortalFactory : PortalFactory
{
    public RateLimitedPortalFactory()
    {
        GenerousRateLimits = false;
        var now = TestClock.Instance.GetUtcNow();
        Clock = new ManualClock(now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMinute)).AddSeconds(30));
    }

    public ManualClock Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
