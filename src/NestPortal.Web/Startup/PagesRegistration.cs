using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Startup;

/// <summary>Razor Pages with their access conventions, localization (German first, English second) and validation.</summary>
public static class PagesRegistration
{
    /// <summary>Pages anyone may open; every other page needs a signed-in user (the fallback policy).</summary>
    public static readonly string[] PublicPages =
    [
        "/Index", "/DataSources", "/Error", "/Culture",
        "/Legal/Privacy", "/Legal/Imprint", "/Legal/Accessibility",
        "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Logout",
        "/Account/Lockout", "/Account/Register", "/Account/RegisterConfirmation", "/Account/ConfirmEmail",
        "/Account/ForgotPassword", "/Account/SetPassword", "/Account/ResendConfirmation", "/Account/ConfirmEmailChange",
        // A member's invitation link: explains to someone without an account what to do; the details only to the member (ADR 0028).
        "/Groups/Members/Confirm",
    ];

    public static IServiceCollection AddPortalPages(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("de-DE");
            options.SupportedCultures = ServiceRegistration.SupportedCultures;
            options.SupportedUICultures = ServiceRegistration.SupportedCultures;
            // German unless the person chose English: no Accept-Language guessing for a German authority.
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Groups", Policies.Mentor);
                options.Conventions.AuthorizeFolder("/Review", Policies.CompetenceCentre);
                options.Conventions.AuthorizeFolder("/Households", Policies.CompetenceCentre);
                options.Conventions.AuthorizeFolder("/Sponsorships", Policies.CompetenceCentre);
                options.Conventions.AuthorizeFolder("/Allocations", Policies.CompetenceCentre);
                options.Conventions.AuthorizeFolder("/Escrow", Policies.CompetenceCentre);
                options.Conventions.AuthorizeFolder("/MyMunicipality", Policies.Municipality);
                options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
                options.Conventions.AuthorizeFolder("/Reports", Policies.Reporting);
                options.Conventions.AuthorizeFolder("/Outreach", Policies.CompetenceCentre);
                options.Conventions.AuthorizeFolder("/Municipalities", Policies.CompetenceCentre);
                options.Conventions.AuthorizeFolder("/Messages", Policies.Messages);
                options.Conventions.AuthorizeFolder("/Documents", Policies.Documents);
                // A mentor's own data (GDPR Art. 15); staff answer requests on the household and group pages.
                options.Conventions.AuthorizePage("/Account/Manage/MyData", Policies.Mentor);
                // A member deletes their own account; staff accounts are managed by administrators.
                options.Conventions.AuthorizePage("/Account/Manage/Delete", Policies.Mentor);
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
        // First, so that its words stand before MVC's English ones for the same rule.
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcViewOptions>()
            .Configure<IStringLocalizerFactory>((options, factory) =>
                options.ClientModelValidatorProviders.Insert(0, new RequiredValueMessage(factory.Create(typeof(SharedResource)))));

        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);
        services.AddFluentValidationClientsideAdapters();
        // Natural German (and English) default messages for every validator the portal uses; set once, for all validators.
        ValidatorOptions.Global.LanguageManager = new ValidationLanguage();

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = CookieNames.For(environment, "nest.af");
            options.Cookie.SecurePolicy = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }
}
