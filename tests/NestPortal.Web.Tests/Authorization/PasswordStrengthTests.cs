using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using NestPortal.Data.Identity;
using NestPortal.Web.Pages.Account;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Authorization;

/// <summary>The guessability rule on its own (<see cref="PasswordStrength"/>, <see cref="GuessablePasswordValidator"/>).</summary>
public sealed class PasswordStrengthTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>The development host's demo password, published in the README; Web keeps only its digest.</summary>
    private const string DemoPassword = "Demo-Passwort-2026";

    private const string Advice = "Dieses Passwort ist zu leicht zu erraten. Nehmen Sie zum Beispiel drei oder vier zufällige Wörter mit Leerzeichen oder Bindestrichen.";

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("123456789012")]
    [InlineData("passwort12345")]
    [InlineData("password1234")]
    [InlineData("qwertzuiop12")]
    [InlineData("Sommer2026!!")]
    public void Passwords_an_attacker_tries_first_are_guessable(string password) =>
        PasswordStrength.IsGuessable(password).ShouldBeTrue(password);

    [Theory]
    [InlineData("Pferd Batterie Heftklammer korrekt")]
    [InlineData(Accounts.Password)]
    [InlineData(Mentors.Password)]
    [InlineData("ein langes Passwort für den Test")]
    public void A_few_random_words_are_not(string password) =>
        PasswordStrength.IsGuessable(password).ShouldBeFalse(password);

    [Fact]
    public void The_persons_own_address_and_name_count_as_guessable_words()
    {
        const string password = "sigrun.wallenhorst-1990";
        PasswordStrength.IsGuessable(password).ShouldBeFalse("unknown words alone are not guessable");
        PasswordStrength.IsGuessable(password, ["sigrun.wallenhorst@beispiel.invalid", "Sigrun Wallenhorst"]).ShouldBeTrue();
    }

    [Fact]
    public void The_published_demo_password_is_known_by_its_digest() =>
        PublishedPasswords.Contains(DemoPassword).ShouldBeTrue();

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData("Development", true)]
    [InlineData("Testing", true)]
    public async Task Identity_refuses_the_demo_password_wherever_demo_accounts_are_not_allowed(string environment, bool accepted)
    {
        var result = await ValidateAsync(environment, DemoPassword);

        result.Succeeded.ShouldBe(accepted, environment);
        if (!accepted) result.Errors.Single().Description.ShouldBe(Advice);
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("123456789012")]
    [InlineData("passwort12345")]
    public async Task Identity_refuses_guessable_passwords_with_the_German_message(string password)
    {
        var result = await ValidateAsync("Production", password);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Description.ShouldBe(Advice);
    }

    [Fact]
    public async Task Identity_accepts_a_strong_passphrase() =>
        (await ValidateAsync("Production", "Pferd Batterie Heftklammer korrekt")).Succeeded.ShouldBeTrue();

    private async Task<IdentityResult> ValidateAsync(string environment, string password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var validator = new GuessablePasswordValidator(
            scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>(), new Environment(environment));
        var user = new PortalUser { Email = "eva.example@tests.nestportal.invalid", UserName = "eva.example@tests.nestportal.invalid", DisplayName = "Eva Example" };
        return await validator.ValidateAsync(users, user, password);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "NestPortal.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
