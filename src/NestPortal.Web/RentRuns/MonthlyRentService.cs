using Microsoft.Extensions.Options;

namespace NestPortal.Web.RentRuns;

public sealed class RentRunOptions
{
    /// <summary>Off in tests, so their data stays as they made it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Rent is due monthly; running every few hours pays a new month early on its first day and retries failures soon.</summary>
    public double IntervalHours { get; set; } = 6;

    /// <summary>A pause after start, so the portal answers requests first.</summary>
    public double StartDelaySeconds { get; set; } = 60;
}

/// <summary>
/// Runs the rent run for today (in Germany) shortly after start and then every few hours. Catching up
/// after downtime needs nothing special: each run pays every due month still unpaid. Several servers
/// may run it at once; the database lets each month be paid only once.
/// </summary>
public sealed class MonthlyRentService(IServiceScopeFactory scopes, TimeProvider time, IOptions<RentRunOptions> options, ILogger<MonthlyRentService> logger)
    : BackgroundService
{
    public const string ScheduleName = "Zeitplan";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, settings.StartDelaySeconds)), time, stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromHours(Math.Max(0.01, settings.IntervalHours)), time);
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; an unfinished run stays recorded without its finish time.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var runner = scope.ServiceProvider.GetRequiredService<RentRunner>();
            await runner.RunAsync(time.TodayInGermany(), ScheduleName, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The rent run failed; the next scheduled run retries");
        }
    }
}
