using System.Globalization;
using NestPortal.Web.Documents;
using NestPortal.Web.Legal;
using NestPortal.Web.Lookups;

namespace NestPortal.Web.Startup;

/// <summary>
/// The composition root: every service the portal runs with, by concern. Each concern has its own file
/// beside this one (data, identity and access, pages, background work).
/// </summary>
public static class ServiceRegistration
{
    public static readonly CultureInfo[] SupportedCultures = [new("de-DE"), EnglishWithUnambiguousDates()];

    /// <summary>
    /// English texts with dates a German authority's readers cannot misread: day before month
    /// (02/12/2026, not the US 12/2/2026) and a 24-hour clock. The request localization hands out these
    /// instances, so every default date format on English pages follows them.
    /// </summary>
    private static CultureInfo EnglishWithUnambiguousDates()
    {
        var english = new CultureInfo("en");
        english.DateTimeFormat.ShortDatePattern = "dd/MM/yyyy";
        english.DateTimeFormat.LongDatePattern = "d MMMM yyyy";
        english.DateTimeFormat.ShortTimePattern = "HH:mm";
        english.DateTimeFormat.LongTimePattern = "HH:mm:ss";
        return english;
    }

    public static IServiceCollection AddNestPortal(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Countries.FromEmbeddedList());
        services.AddSingleton<MunicipalityRegister>();
        services.AddScoped<CommonCountries>();
        services.AddScoped<HouseholdReferences>();
        services.Configure<ReferenceOptions>(configuration.GetSection(ReferenceOptions.Section));
        ReferenceOptions.Check(configuration[$"{ReferenceOptions.Section}:Pattern"]);
        services.Configure<CommonCountriesOptions>(configuration.GetSection(CommonCountriesOptions.Section));
        services.Configure<PortalOptions>(configuration.GetSection("Portal"));
        services.Configure<OperatorOptions>(configuration.GetSection(OperatorOptions.Section));
        services.Configure<Invitations.GroupsOptions>(configuration.GetSection(Invitations.GroupsOptions.Section));
        services.AddScoped<Invitations.MemberInvitations>();
        services.AddOptions<Letters.LetterOptions>().Bind(configuration.GetSection(Letters.LetterOptions.Section))
            .Validate(o => !Letters.LetterOptions.Missing(o).Any(), "Letters: every fixed text of the decision letter must be configured (see docs/operations.md).")
            .ValidateOnStart();
        services.AddScoped<Letters.DecisionLetters>();
        services.AddScoped<Letters.ReviewLetters>();
        services.AddSingleton<Letters.EscrowStatementLetter>();
        services.Configure<DocumentOptions>(configuration.GetSection(DocumentOptions.Section));
        services.AddScoped(provider => new DocumentContentCheck(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DocumentOptions>>().Value,
            provider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()));
        services.Configure<Domain.Banking.ReconciliationOptions>(configuration.GetSection(Domain.Banking.ReconciliationOptions.Section));
        services.AddScoped<Banking.Reconciler>();
        services.AddScoped<Banking.StatementImporter>();
        if (environment.IsProduction() && string.IsNullOrWhiteSpace(configuration["Portal:PublicBaseUrl"]))
            throw new InvalidOperationException("Portal:PublicBaseUrl must be set in Production (e.g. https://nest.example.nrw.de): mailed links are built from it.");

        services.AddPortalHostFiltering(configuration, environment);
        services.AddPortalData(configuration, environment);
        services.AddIdentityAndAccess(configuration, environment);
        services.AddPortalRateLimits(configuration);
        services.AddPortalPages(environment);
        services.AddBackgroundWork(configuration, environment);
        return services;
    }
}
