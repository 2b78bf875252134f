using NestPortal.Web.Mail;
using NestPortal.Web.RentRuns;

namespace NestPortal.Web.Startup;

/// <summary>Work that runs outside a request: the mail outbox's sender, the monthly rent run and the import worker.</summary>
public static class BackgroundWorkRegistration
{
    public static IServiceCollection AddBackgroundWork(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection("Mail"));
        if (string.IsNullOrWhiteSpace(configuration["Mail:Smtp:Host"]))
            services.AddSingleton<IMailer, PickupFolderMailer>();
        else
            services.AddSingleton<IMailer, SmtpMailer>();
        services.AddSingleton<OutboxMailSender>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxMailSender>());
        services.Configure<RentRunOptions>(configuration.GetSection("RentRun"));
        services.AddScoped<RentEndNotices>();
        services.AddScoped<RentRunner>();
        services.AddHostedService<MonthlyRentService>();
        services.AddSingleton<Import.ImportQueue>();
        services.AddSingleton<Import.ImportProgress>();
        services.AddSingleton<Import.ImportTexts>();
        services.AddScoped<Import.ImportRunner>();
        services.AddHostedService<Import.ImportWorker>();

        return services;
    }
}
