using Microsoft.AspNetCore.HostFiltering;

namespace NestPortal.Web.Startup;

/// <summary>
/// Which Host headers the portal answers. Anything it answers may end up in an absolute address it
/// builds, so in Production the framework's default ("*", any host) is replaced by the public address's
/// host name (<c>Portal:PublicBaseUrl</c>, required there) and "localhost" for the container's own
/// health probe. An operator who sets <c>AllowedHosts</c> to a list keeps exactly that list; other hosts
/// are answered with 400.
/// </summary>
public static class HostFiltering
{
    public static IServiceCollection AddPortalHostFiltering(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        if (!environment.IsProduction()) return services;
        // After the framework's own PostConfigure, which fills AllowedHosts from configuration (or "*").
        services.PostConfigure<HostFilteringOptions>(options =>
        {
            if (options.AllowedHosts.Count > 0 && !options.AllowedHosts.Contains("*")) return;
            var publicHost = configuration.GetValue<Uri>("Portal:PublicBaseUrl")?.Host
                ?? throw new InvalidOperationException("Portal:PublicBaseUrl must be set in Production: the allowed Host header is taken from it.");
            options.AllowedHosts = [publicHost, "localhost"];
            options.AllowEmptyHosts = false;
        });
        return services;
    }
}
