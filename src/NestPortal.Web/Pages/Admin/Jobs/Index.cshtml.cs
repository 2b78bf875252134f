using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Operations;
using NestPortal.Web.Authorization;
using NestPortal.Web.Import;
using NestPortal.Web.Infrastructure.Jobs;
using NestPortal.Web.Mail;
using NestPortal.Web.RentRuns;
using Quartz;

namespace NestPortal.Web.Pages.Admin.Jobs;

/// <summary>
/// Hintergrundaufträge: every declared job with its schedule, next and last firing, the latest
/// executions of all instances (paged), and "Jetzt ausführen" for the jobs that may be started by hand.
/// </summary>
public sealed class IndexModel(NestPortalDbContext db, ISchedulerFactory schedulers, IEnumerable<PortalJob> jobs, IStringLocalizer<SharedResource> l)
    : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    /// <summary>The job to start now (its key's name).</summary>
    [BindProperty] public string? Job { get; set; }

    /// <summary>The administrator's confirmation: a job started by hand does real work (the rent run pays out).</summary>
    [BindProperty] public bool Confirmed { get; set; }

    public IReadOnlyList<JobOverview> Jobs { get; private set; } = [];
    public Paged<JobExecution> Executions { get; private set; } = new([], 1, PageSize, 0);

    public PagerModel Pager => new(Executions.PageNumber, Executions.PageCount, Executions.Total, new Dictionary<string, string?>());

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRunAsync(CancellationToken cancellationToken)
    {
        var job = jobs.SingleOrDefault(j => j.Key.Name == Job && j.CanRunNow);
        if (job is null) return NotFound();
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), l["Bitte bestätigen Sie, dass der Auftrag jetzt ausgeführt werden soll."]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // The rent run records who started it, as on the rent-run page; other jobs ignore the entry.
        var data = new JobDataMap { [RentRunJob.StartedByKey] = User.ToActor().Name };
        await scheduler.TriggerJob(job.Key, data, CancellationToken.None);
        TempData["Status"] = l["Der Auftrag „{0}“ ist gestartet; sein Ergebnis erscheint unten, sobald er fertig ist.", TitleOf(job.Key.Name)].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var names = jobs.Select(j => j.Key.Name).ToList();
        var latest = await db.JobExecutions.AsNoTracking()
            .Where(e => names.Contains(e.JobName))
            .GroupBy(e => e.JobName)
            .Select(g => g.OrderByDescending(e => e.StartedAtUtc).First())
            .ToListAsync(cancellationToken);
        var overviews = new List<JobOverview>();
        foreach (var job in jobs)
        {
            var triggers = await scheduler.GetTriggersOfJob(job.Key, cancellationToken);
            overviews.Add(new JobOverview(job, triggers.ToList(), latest.SingleOrDefault(e => e.JobName == job.Key.Name)));
        }

        Jobs = overviews;
        Executions = await db.JobExecutions.AsNoTracking().OrderByDescending(e => e.StartedAtUtc).ThenByDescending(e => e.Id)
            .ToPagedAsync(PageNumber, PageSize);
    }

    /// <summary>The schedule in words, in the reader's language.</summary>
    public string DescribeSchedule(JobOverview job) => job.Schedule switch
    {
        ICronTrigger cron => l["nach Zeitplan (Cron-Ausdruck {0}, Zeitzone {1})", cron.CronExpressionString ?? "–", cron.TimeZone?.Id ?? "–"].Value,
        ISimpleTrigger simple => l["alle {0} Sekunden", simple.RepeatInterval.TotalSeconds.ToString("N0")].Value,
        _ => l["nur bei Bedarf (Hochladen, „Jetzt ausführen“)"].Value,
    };

    public string DescribeOutcome(JobExecution execution) => execution.Outcome switch
    {
        JobOutcome.Succeeded => l["erfolgreich"].Value,
        JobOutcome.Failed => l["fehlgeschlagen"].Value,
        _ => execution.FinishedAtUtc is null ? l["läuft oder abgebrochen"].Value : l["unbekannt"].Value,
    };

    /// <summary>
    /// The job's title in the reader's language. Literal keys, so the translation check sees them: a new
    /// job adds its line here (its German <see cref="PortalJob.Title"/> is what the job store and the log show).
    /// </summary>
    public string TitleOf(string jobName) =>
        jobName == RentRunJob.Key.Name ? l["Mietlauf"].Value
        : jobName == OutboxMailJob.Key.Name ? l["Versand der E-Mails"].Value
        : jobName == ImportJob.Key.Name ? l["Datenimport"].Value
        : jobName == NestPortal.Web.Privacy.ErasureJob.Key.Name ? l["Löschung nach Aufbewahrungsfrist"].Value
        : jobName == ViewLogSpoolJob.Key.Name ? l["Nachtrag protokollierter Ansichten"].Value
        : jobName == NestPortal.Web.Notifications.NotificationReminderJob.Key.Name ? l["Erinnerungen"].Value
        : jobs.SingleOrDefault(j => j.Key.Name == jobName)?.Title ?? jobName;
}
