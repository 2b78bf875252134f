using NestPortal.Web.Import;
using NestPortal.Web.Infrastructure.Jobs;
using NestPortal.Web.Mail;
using NestPortal.Web.Notifications;
using NestPortal.Web.Privacy;
using NestPortal.Web.RentRuns;
using Quartz;

namespace NestPortal.Web.Startup;

/// <summary>
/// Work that runs outside a request, on Quartz.NET's clustered job store in the portal's database (ADR
/// 0010). Every background job is declared here, once: its class sits in its workflow's folder with its
/// <c>Definition</c> (key, German title, trigger), and <see cref="JobScheduleSetup"/> stores them at start.
/// A new job (reminders, retention) is one file and one <c>AddPortalJob</c> line.
/// </summary>
public static class BackgroundWorkRegistration
{
    public static IServiceCollection AddBackgroundWork(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var mail = configuration.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();
        var rentRun = configuration.GetSection("RentRun").Get<RentRunOptions>() ?? new RentRunOptions();
        var retention = configuration.GetSection("Retention").Get<RetentionOptions>() ?? new RetentionOptions();
        var notifications = configuration.GetSection("Notifications").Get<NotificationOptions>() ?? new NotificationOptions();

        services.Configure<MailOptions>(configuration.GetSection("Mail"));
        if (string.IsNullOrWhiteSpace(configuration["Mail:Smtp:Host"]))
            services.AddSingleton<IMailer, PickupFolderMailer>();
        else
            services.AddSingleton<IMailer, SmtpMailer>();
        services.AddScoped<OutboxMailSender>();
        services.AddScoped<Notifier>();
        services.AddScoped<LockNotice>();
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddScoped<Reminders>();
        services.Configure<RentRunOptions>(configuration.GetSection("RentRun"));
        services.AddScoped<RentEndNotices>();
        services.AddScoped<RentRunner>();
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportProgress>();
        services.AddSingleton<ImportTexts>();
        services.AddScoped<ImportRunner>();
        services.Configure<RetentionOptions>(configuration.GetSection("Retention"));
        services.AddScoped<Erasure>();
        services.AddSingleton<ViewLogSpool>();

        services.AddPortalJob(RentRunJob.Definition(rentRun));
        services.AddPortalJob(OutboxMailJob.Definition(mail));
        services.AddPortalJob(ImportJob.Definition);
        services.AddPortalJob(ErasureJob.Definition(retention));
        services.AddPortalJob(ViewLogSpoolJob.Definition);
        services.AddPortalJob(NotificationReminderJob.Definition(notifications));

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = JobStore.SchedulerName);
            // No clock of its own: Quartz takes the portal's TimeProvider (the tests' fixed day), and every
            // trigger is started from scheduler.TimeProvider, so fire times and "now" agree.
            quartz.UsePersistentStore(store => store.UsePortalDatabase(configuration, environment.ContentRootPath));
            quartz.AddJobListener<JobHistoryListener>();
        });
        // Before Quartz's hosted service, so the jobs and triggers are stored before the scheduler starts.
        services.AddHostedService<JobScheduleSetup>();
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }

    private static void AddPortalJob(this IServiceCollection services, PortalJob job)
    {
        services.AddSingleton(job);
        // Resolved per firing from a scope of its own, so jobs take scoped services (the DbContext) in their constructors.
        services.AddScoped(job.JobType);
    }
}
