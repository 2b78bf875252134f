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
        private const string CertificatePassword = "test-only";

        protected override bool WithDemoData => false;

        private string WriteCertificate()
        {
            using var rsa = System.Security.Cryptography.RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=NestPortal test keys", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var path = Path.Combine(Folder, "dataprotection.pfx");
            File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, CertificatePassword));
            return path;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Portal:PublicBaseUrl", "https://nest.example.nrw.de/");
            // Production encrypts its data-protection keys with a certificate and does not start without one.
            builder.UseSetting("DataProtection:Certificate:Path", WriteCertificate());
            builder.UseSetting("DataProtection:Certificate:Password", CertificatePassword);
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
