using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// The portal as Production runs it, for what only Production does: a regression of the hardening issue
/// (AllowedHosts was "*", so any Host header was answered and reflected).
/// </summary>
public sealed class ProductionHostTests : IClassFixture<ProductionHostTests.ProductionPortal>
{
    private readonly ProductionPortal _factory;

    public ProductionHostTests(ProductionPortal factory) => _factory = factory;

    public sealed class ProductionPortal : PortalFactory
    {
        protected override bool WithDemoData => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Portal:PublicBaseUrl", "https://nest.example.nrw.de/");
        }
    }

    [Theory]
    [InlineData("nest.example.nrw.de", HttpStatusCode.OK)]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("nest.example.nrw.de.evil.example", HttpStatusCode.BadRequest)]
    public async Task Production_answers_only_its_public_host_and_the_local_health_probe(string host, HttpStatusCode expected)
    {
        var client = _factory.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = host;

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(expected, host);
    }
}
