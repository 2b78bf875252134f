using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using OtpNet;

namespace NestPortal.Web.Tests.Authorization;

/// <summary>
/// Identity re-checks the sign-in cookie against the database at every request here (interval zero,
/// instead of every 30 minutes), and mailed links have a configured public address.
/// </summary>
public sealed class HardenedPortalFactory : PortalFactory
{
    public HardenedPortalFactory()
    {
        RelaxTwoFactorForDemoUsers = false;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:PublicBaseUrl", "https://nest.example.invalid/");
        builder.ConfigureTestServices(services =>
            services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero));
    }
}

/// <summary>Regression tests for the findings of the first security review.</summary>
public sealed class HardeningTests(HardenedPortalFactory factory) : IClassFixture<HardenedPortalFactory>
{
    [Fact]
    public async Task The_second_factor_survives_the_periodic_cookie_check()
    {
        var email = await factory.CreateUserAsync(Roles.CompetenceCentre);
        var client = await factory.SignedInAsync(email, Accounts.Password);
        var enrolmentUrl = (await client.GetAsync("/Review")).Location();
        var enrolment = await client.GetPageAsync(enrolmentUrl);
        var key = enrolment.QuerySelector("#shared-key")!.GetAttribute("data-key")!.Replace(" ", string.Empty).ToUpperInvariant();
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);
        (await client.PostFormAsync(enrolmentUrl, new Dictionary<string, string> { ["Input.Code"] = code })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Every request now re-issues the cookie from the database; staff pages must stay open.
        for (var i = 0; i < 3; i++)
            (await client.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Mailed_links_use_the_configured_address_whatever_host_the_request_names()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        var response = await client.PostFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var mail = factory.MailsTo(email).Last();
        var body = mail.HtmlBody ?? string.Empty;
        body.ShouldContain("href=\"https://nest.example.invalid/Account/SetPassword?");
        body.ShouldNotContain("evil.example");
    }

    [Fact]
    public async Task A_wrong_password_for_an_unconfirmed_account_gets_the_answer_an_unknown_address_gets()
    {
        var email = $"unbestaetigt-{Guid.NewGuid():N}@beispiel.invalid";
        var register = await factory.CreateBrowserLikeClient().PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ulla Unbestätigt", ["Input.Email"] = email,
            ["Input.Password"] = Accounts.Password, ["Input.ConfirmPassword"] = Accounts.Password,
        });
        register.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var wrong = await SignInErrorsAsync(email, "falsches Passwort 12345");
        var unknown = await SignInErrorsAsync($"niemand-{Guid.NewGuid():N}@beispiel.invalid", "falsches Passwort 12345");
        var right = await SignInErrorsAsync(email, Accounts.Password);

        wrong.ShouldBe(unknown);
        right.ShouldHaveSingleItem().ShouldContain("bestätigen Sie zuerst Ihre E-Mail-Adresse");
    }

    [Fact]
    public async Task A_removed_member_leaves_no_personal_data_behind()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var groupId = await factory.DemoMentorGroupIdAsync();
        var member = await factory.QueryAsync(db => db.MentoringGroups.Where(g => g.Id == groupId)
            .SelectMany(g => g.Members).Where(m => !m.IsMainContact).FirstAsync());

        var removed = await client.PostFormAsync($"/Groups/Members/Remove/{groupId}/{member.Id}", new Dictionary<string, string>());

        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var rows = await factory.QueryAsync(db => db.Database
            .SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"Mentors\" WHERE \"Email\" = {member.Email}").SingleAsync());
        rows.ShouldBe(0);
    }

    private async Task<IReadOnlyList<string>> SignInErrorsAsync(string email, string password)
    {
        var response = await factory.CreateBrowserLikeClient().PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        IHtmlDocument page = await response.ReadHtmlAsync();
        return page.Errors();
    }
}
