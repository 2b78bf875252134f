using Microsoft.EntityFrameworkCore.Diagnostics;
using NestPortal.Data.Auditing;
using System.Globalization;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Identity;
using NestPortal.Data.Seeding;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Infrastructure;

public static class ServiceRegistration
{
    public static readonly CultureInfo[] SupportedCultures = [new("de-DE"), new("en")];

    /// <summary>Pages anyone may open; every other page needs a signed-in user (the fallback policy).</summary>
    public static readonly string[] PublicPages =
    [
        "/Index", "/DataSources", "/Error", "/Culture",
        "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Logout",
        "/Account/Lockout", "/Account/Register", "/Account/RegisterConfirmation", "/Account/ConfirmEmail",
        "/Account/ForgotPassword", "/Account/SetPassword",
    ];

    public static IServiceCollection AddNestPortal(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Countries.FromEmbeddedList());
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddSingleton<SqlCommandCounter>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SqlCommandCounter>());
        services.AddNestPortalDatabase(configuration, environment.ContentRootPath);
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<NestPortal.Web.Reports.AnnualReportQuery>();
        services.AddScoped<IdentitySeeder>();

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("de-DE");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            // German unless the person chose English: no Accept-Language guessing for a German authority.
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddIdentityAndAccess(configuration, environment);

        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Groups", Policies.Mentor);
                options.Conventions.AuthorizeFolder("/Review", Policies.CompetenceCentre);
                options.Conventions.AuthorizeFolder("/Households", Policies.CompetenceCentre);
                options.Conventions.AuthorizeFolder("/Sponsorships", Policies.CompetenceCentre);
                options.Conventions.AuthorizeFolder("/Allocations", Policies.CompetenceCentre);
                options.Conventions.AuthorizeFolder("/Escrow", Policies.CompetenceCentre);
                options.Conventions.AuthorizeFolder("/Municipality", Policies.Municipality);
                options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
                options.Conventions.AuthorizeFolder("/Reports", Policies.Reporting);
                options.Conventions.AuthorizeFolder("/Outreach", Policies.CompetenceCentre);
                options.Conventions.AuthorizeFolder("/Municipalities", Policies.CompetenceCentre);
                // Named one by one: an AllowAnonymous on the /Account folder would also open /Account/Manage,
                // because allowing anonymous access wins over any requirement.
                foreach (var page in PublicPages) options.Conventions.AllowAnonymousToPage(page);
            })
            .AddViewLocalization()
            // Validation is FluentValidation's, in German; MVC must not add its own English "is required"
            // for every non-nullable string.
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(options =>
            {
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.Filters.Add<NoHandlerFilter>();
            });
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>()
            .Configure<IStringLocalizerFactory>((options, factory) =>
                BindingMessages.Localize(options.ModelBindingMessageProvider, factory.Create(typeof(SharedResource))));

        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);
        services.AddFluentValidationClientsideAdapters();
        ValidatorOptions.Global.LanguageManager.Enabled = true;

        services.AddHealthChecks().AddDbContextCheck<NestPortalDbContext>("database");

        services.Configure<PortalOptions>(configuration.GetSection("Portal"));
        if (environment.IsProduction() && string.IsNullOrWhiteSpace(configuration["Portal:PublicBaseUrl"]))
            throw new InvalidOperationException("Portal:PublicBaseUrl must be set in Production (e.g. https://nest.example.nrw.de): mailed links are built from it.");
        services.Configure<MailOptions>(configuration.GetSection("Mail"));
        if (string.IsNullOrWhiteSpace(configuration["Mail:Smtp:Host"]))
            services.AddSingleton<IMailer, PickupFolderMailer>();
        else
            services.AddSingleton<IMailer, SmtpMailer>();
        services.AddSingleton<OutboxMailSender>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxMailSender>());
        services.Configure<RentRuns.RentRunOptions>(configuration.GetSection("RentRun"));
        services.AddScoped<RentRuns.RentEndNotices>();
        services.AddScoped<RentRuns.RentRunner>();
        services.AddHostedService<RentRuns.MonthlyRentService>();
        services.AddSingleton<Import.ImportQueue>();
        services.AddSingleton<Import.ImportProgress>();
        services.AddSingleton<Import.ImportTexts>();
        services.AddScoped<Import.ImportRunner>();
        services.AddHostedService<Import.ImportWorker>();

        services.AddDataProtection().SetApplicationName("NestPortal").PersistKeysToDbContext<NestPortalDbContext>();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = CookieNames.For(environment, "nest.af");
            options.Cookie.SecurePolicy = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    private static void AddIdentityAndAccess(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddIdentity<PortalUser, IdentityRole>(options =>
            {
                // ASVS 5.0 / NIST 800-63B: length, not composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
            })
            .AddEntityFrameworkStores<NestPortalDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
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

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = CookieNames.For(environment, "nest.auth");
            options.Cookie.SecurePolicy = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // A signed-in user without the role gets a real 403 (rendered by the error page), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.Configure<TwoFactorOptions>(configuration.GetSection("Authentication:TwoFactor"));
        services.AddSingleton<IAuthorizationHandler, TwoFactorHandler>();
        services.AddSingleton<IAuthorizationHandler, MentoringGroupAuthorizationHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, TwoFactorEnrolmentResultHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Mentor, policy => policy.RequireRole(Roles.Mentor))
            .AddPolicy(Policies.CompetenceCentre, policy => policy.RequireRole(Roles.CompetenceCentre).AddRequirements(new TwoFactorRequirement()))
            .AddPolicy(Policies.Administrator, policy => policy.RequireRole(Roles.Administrator).AddRequirements(new TwoFactorRequirement()))
            .AddPolicy(Policies.Reporting, policy => policy.RequireRole(Roles.CompetenceCentre, Roles.Administrator).AddRequirements(new TwoFactorRequirement()))
            .AddPolicy(Policies.Municipality, policy => policy
                .RequireRole(Roles.Municipality)
                .RequireClaim(PortalClaims.MunicipalityAgs)
                .AddRequirements(new TwoFactorRequirement()));
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
