using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NestPortal.Web.Authorization;
using NestPortal.Web.Startup;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Development;

/// <summary>NestPortal.Web as production runs it: without the development host's demo data, there is none to see.</summary>
public sealed class BarePortalTests(BarePortalTests.BarePortalFactory factory) : IClassFixture<BarePortalTests.BarePortalFactory>
{
    /// <summary>The test portal with what AddDemoData registered taken away again.</summary>
    public sealed class BarePortalFactory : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IStartupSeed>();
                services.RemoveAll<DemoAccountListing>();
            });
        }
    }

    [Fact]
    public async Task The_login_page_lists_no_demo_account_and_none_exists()
    {
        var page = await factory.CreateBrowserLikeClient().GetPageAsync("/Account/Login");

        page.QuerySelector("#demo-heading").ShouldBeNull();
        page.Body!.TextContent.ShouldNotContain(DemoAccounts.Domain);
        (await factory.QueryAsync(db => db.Users.CountAsync())).ShouldBe(0);
        (await factory.QueryAsync(db => db.MentoringGroups.CountAsync())).ShouldBe(0);
    }
}
