using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure.KeysAtRest;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Data;

/// <summary>The data-protection keys in the database are encrypted (ADR 0019).</summary>
public sealed class KeysAtRestTests
{
    /// <summary>A second portal on the first one's folder: the same database and key file, as after a restart.</summary>
    private sealed class RestartedPortal(string folder) : PortalFactory(folder, ownsFolder: false);

    private sealed class ProductionPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Portal:PublicBaseUrl", "https://nest.example.invalid");
        }
    }

    [Fact]
    public async Task The_stored_keys_hold_no_plaintext_master_key_and_the_key_file_is_private()
    {
        await using var factory = new PortalFactory();
        await factory.SignedInAsAsync(Roles.Mentor);

        var keys = await factory.QueryAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync());

        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => !xml.Contains("masterKey") && xml.Contains("encryptedKey"));
        keys.ShouldAllBe(xml => !PlaintextKeys.IsPlaintext(xml));
        var keyFile = Path.Combine(factory.Folder, "dataprotection-kek.key");
        new FileInfo(keyFile).Length.ShouldBe(KeyEncryptionKey.Length);
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(keyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task A_cookie_issued_before_a_restart_still_works_after_it()
    {
        string cookie;
        var folder = PortalFactory.NewFolder();
        await using (var first = new RestartedPortal(folder))
        {
            var email = await first.CreateUserAsync(Roles.Mentor);
            var login = await first.CreateBrowserLikeClient().PostFormAsync("/Account/Login", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = Accounts.Password,
            });
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("nest.auth=", StringComparison.Ordinal)).Split(';')[0];
        }

        await using var second = new RestartedPortal(folder);
        var other = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/Groups");
        request.Headers.Add("Cookie", cookie);

        (await other.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await second.DisposeAsync();
        NestPortal.Web.Tests.Jobs.SchedulerHost.DeleteFolder(folder);
    }

    [Fact]
    public async Task Production_without_a_certificate_refuses_to_start_and_names_the_setting()
    {
        await using var factory = new ProductionPortal();

        var error = Should.Throw<InvalidOperationException>(() => factory.CreateClient());

        error.Message.ShouldContain("DataProtection:Certificate:Path");
    }
}
