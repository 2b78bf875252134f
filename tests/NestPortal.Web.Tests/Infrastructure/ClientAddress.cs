using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// Lets a test say from which address its requests come. TestServer has no remote address, and the
/// portal trusts no X-Forwarded-For of its own; so the test factories (and only they) put this filter in
/// front of the pipeline, which sets the connection's address from a test header.
/// </summary>
public static class ClientAddress
{
    public const string Header = "X-Test-Client-Address";

    /// <summary>A browser-like client whose requests come from <paramref name="address"/>.</summary>
    public static HttpClient CreateClientFrom(this PortalFactory factory, string address)
    {
        var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    public sealed class FromTestHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
