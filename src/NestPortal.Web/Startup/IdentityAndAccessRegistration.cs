using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using NestPortal.Data;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;
using NestPortal.Web.Pages.Account;

namespace NestPortal.Web.Startup;

/// <summary>Identity (accounts, passwords, lockout, TOTP), the auth cookie and the role policies.</summary>
public static class IdentityAndAccessRegistration
{
    public static IServiceCollection AddIdentityAndAccess(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddIdentity<PortalUser, IdentityRole>(options =>
            {
                // ASVS 5.0 / NIST 800-63B: length, not composition rules; the forms check the same length.
                options.Password.RequiredLength = PasswordRule.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                // Wrong passwords and codes no longer lock the account itself, which anyone could do to
                // anyone: they lock the pair of account and client address (SignInFailures, ADR 0018).
                // Lockout stays enabled so that a lock set on purpose (LockoutEnd) still holds.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = int.MaxValue;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
            })
            .AddEntityFrameworkStores<NestPortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddPasswordValidator<GuessablePasswordValidator>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        // PBKDF2-HMAC-SHA512 with the iteration count ASVS 5.0 asks for (the default is 100,000).
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);

        // Identity re-issues the cookie every 30 minutes from the database; the second factor shown at
        // sign-in is not stored there, so it is carried over, or staff would be sent to enrol again.
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            var secondFactor = context.CurrentPrincipal?.FindFirst(c => c.Type == PortalClaims.AuthenticationMethod && c.Value == PortalClaims.MultiFactor);
            if (secondFactor is not null && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity
                && !identity.HasClaim(PortalClaims.AuthenticationMethod, PortalClaims.MultiFactor))
            {
                identity.AddClaim(new System.Security.Claims.Claim(PortalClaims.AuthenticationMethod, PortalClaims.MultiFactor));
            }

            return Task.CompletedTask;
        });

        services.Configure<SessionLifetimeOptions>(configuration.GetSection(SessionLifetimeOptions.Section));
        var session = configuration.GetSection(SessionLifetimeOptions.Section).Get<SessionLifetimeOptions>() ?? new SessionLifetimeOptions();
        if (session.AbsoluteHours <= 0 || session.IdleMinutes <= 0)
            throw new InvalidOperationException($"{SessionLifetimeOptions.Section}:AbsoluteHours and :IdleMinutes must be positive.");

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = CookieNames.For(environment, "nest.auth");
            options.Cookie.SecurePolicy = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            // The idle timeout: sliding renews the ticket (at most every half of it, not on every response);
            // Sessions caps the whole session from the sign-in on and ends it when the stamp changes (ADR 0019).
            options.ExpireTimeSpan = session.Idle;
            options.SlidingExpiration = true;
            options.Events.OnSigningIn = Sessions.OnSigningIn;
            options.Events.OnValidatePrincipal = Sessions.OnValidatePrincipal;
            // A signed-in user without the role gets a real 403 (rendered by the error page), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // One clock for the cookie's expiry, Identity's refresh interval and the absolute limit: the portal's
        // (the tests move it). ASP.NET Core would mostly take it from DI anyway; said here, it cannot drift apart.
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((options, time) => options.TimeProvider = time);
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, time) => options.TimeProvider = time);

        services.Configure<TwoFactorOptions>(configuration.GetSection("Authentication:TwoFactor"));
        services.AddSingleton<IAuthorizationHandler, TwoFactorHandler>();
        services.AddSingleton<IAuthorizationHandler, MentoringGroupAuthorizationHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, TwoFactorEnrolmentResultHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Mentor, policy => policy.RequireRole(Roles.Mentor))
            .AddPolicy(Policies.CompetenceCentre, policy => policy.RequireRole(Roles.CompetenceCentre).AddRequirements(new TwoFactorRequirement()))
            .AddPolicy(Policies.Administrator, policy => policy.RequireRole(Roles.Administrator).AddRequirements(new TwoFactorRequirement()))
            .AddPolicy(Policies.Messages, policy => policy.RequireAuthenticatedUser().AddRequirements(new TwoFactorRequirement(StaffOnly: true)))
            .AddPolicy(Policies.Reporting, policy => policy.RequireRole(Roles.CompetenceCentre, Roles.Administrator).AddRequirements(new TwoFactorRequirement()))
            .AddPolicy(Policies.Documents, policy => policy.RequireAuthenticatedUser().AddRequirements(new TwoFactorRequirement(StaffOnly: true)))
            .AddPolicy(Policies.Municipality, policy => policy
                .RequireRole(Roles.Municipality)
                .RequireClaim(PortalClaims.MunicipalityAgs)
                .AddRequirements(new TwoFactorRequirement()));
        return services;
    }
}

/// <summary>
/// Production cookies carry the __Host- prefix (Secure, no Domain, Path=/). Browsers refuse such a
/// cookie over plain HTTP, so Development and the tests on http://127.0.0.1 use the bare name.
/// </summary>
public static class CookieNames
{
    public static string For(IHostEnvironment environment, string name) =>
        environment.IsProduction() ? "__Host-" + name : name;
}
