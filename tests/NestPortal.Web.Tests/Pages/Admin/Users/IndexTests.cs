using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Admin.Users;

public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Administrator_filters_users_by_role()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);
        var page = await client.GetPageAsync("/Admin/Users?role=Municipality");
        var table = page.QuerySelector("main table tbody")!.TextContent;
        table.ShouldContain("kommune@");
        table.ShouldContain("05913000");
        table.ShouldNotContain("mentorin@");
    }
}
