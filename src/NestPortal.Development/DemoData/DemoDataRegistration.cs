using NestPortal.Web.Startup;

namespace NestPortal.Development.DemoData;

public static class DemoDataRegistration
{
    /// <summary>
    /// The demo accounts and data, seeded at start after the portal's own seeding, and their listing on the
    /// login page. Used by the development host and by the tests' portal factory.
    /// </summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddScoped<IStartupSeed, DemoDataSeed>();
        services.AddSingleton(DemoUsers.Listing);
        return services;
    }
}
