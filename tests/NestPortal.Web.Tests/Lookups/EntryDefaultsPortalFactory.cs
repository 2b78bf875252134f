using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NestPortal.Web.Startup;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Lookups;

/// <summary>
/// A portal without demo data (as a new installation starts) and with its own entry defaults in the
/// configuration: a reference pattern and the fallback of the common countries, so the tests see that
/// both come from the configuration and what an empty database falls back on.
/// </summary>
public sealed class EntryDefaultsPortalFactory : PortalFactory
{
    public const string Pattern = "KfI/{yy}/{n:000}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("References:Pattern", Pattern);
        builder.UseSetting("CommonCountries:Count", "3");
        builder.UseSetting("CommonCountries:Nationalities:0", "YE");
        builder.UseSetting("CommonCountries:Nationalities:1", "qq");
        builder.UseSetting("CommonCountries:Nationalities:2", "xx");
        builder.UseSetting("CommonCountries:Nationalities:3", "CD");
        builder.UseSetting("CommonCountries:Nationalities:4", "SY");
        builder.ConfigureTestServices(services => services.RemoveAll<IStartupSeed>());
    }
}
