using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Account;

/// <summary>
/// Where the login sends the owner of an account that is locked on purpose (LockoutEnd), once the right
/// password is given; wrong passwords lock only the address they come from (<see cref="LoginTests"/>).
/// </summary>
public sealed class LockoutTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_page_says_the_account_cannot_sign_in_and_whom_to_ask()
    {
        var page = await factory.CreateBrowserLikeClient().GetPageAsync("/Account/Lockout");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Konto vorübergehend gesperrt");
        page.MainText().ShouldContain("Mit diesem Konto können Sie sich zurzeit nicht anmelden.");
        page.MainText().ShouldNotContain("falschen Anmeldeversuchen", Case.Sensitive, "wrong passwords lock no account any more");
    }

    [Fact]
    public async Task An_account_locked_on_purpose_is_sent_here_only_with_the_right_password()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        await factory.ExecuteAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.LockoutEnd = DateTimeOffset.MaxValue;
            await db.SaveChangesAsync();
        });
        var client = factory.CreateBrowserLikeClient();

        var wrong = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "falsches-Passwort" });
        var right = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Accounts.Password });

        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await wrong.ReadHtmlAsync()).Errors().ShouldBe(["E-Mail-Adresse oder Passwort ist falsch."]);
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        right.Location().ShouldBe("/Account/Lockout");
    }
}
