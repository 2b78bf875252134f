using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Jobs;

/// <summary>
/// One instance of a portal cluster: the test portal with its scheduled rent run switched on, on a
/// database folder that other instances share. Tests start instances one after another (the first
/// migrates and seeds) and stop them to simulate downtime.
/// </summary>
public sealed class SchedulerHost(string folder, string rentSchedule, bool catchUpOnStart, bool ownsFolder = false)
    : PortalFactory(folder, ownsFolder)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RentRun:Enabled", "true");
        builder.UseSetting("RentRun:Schedule", rentSchedule);
        builder.UseSetting("RentRun:CatchUpOnStart", catchUpOnStart ? "true" : "false");
        builder.UseSetting("RentRun:StartDelaySeconds", "0");
    }

    /// <summary>Starts the portal (and its scheduler) now rather than at the first request.</summary>
    public SchedulerHost Started()
    {
        _ = Services;
        return this;
    }

    /// <summary>The shared database while no instance runs.</summary>
    public static async Task<T> QueryAsync<T>(string folder, Func<NestPortalDbContext, Task<T>> query)
    {
        await using var db = new NestPortalDbContext(DatabaseProvider.OptionsFor(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "nestportal.db")}"));
        return await query(db);
    }

    /// <summary>For a test whose instances did not own the folder, because it reads the database after stopping them.</summary>
    public static void DeleteFolder(string folder)
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Moves a trigger's next firing into the past, as if every instance had been down when it was due.</summary>
    public static async Task MissFiringAsync(string folder, string triggerName, DateTimeOffset dueAt)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "nestportal.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = $due WHERE TRIGGER_NAME = $name";
        command.Parameters.AddWithValue("$due", dueAt.UtcTicks);
        command.Parameters.AddWithValue("$name", triggerName);
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    private static string Describe(object? value) => value is System.Collections.IEnumerable items and not string
        ? string.Join("; ", items.Cast<object>().Select(i => i is NestPortal.Data.Operations.JobExecution e ? $"{e.JobName} {e.TriggerName} {e.Outcome} {e.ErrorMessage}" : i.ToString()))
        : value?.ToString() ?? "nothing";

    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan deadline, string what)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > until) throw new TimeoutException($"{what} not reached within {deadline}: last {Describe(value)}");
            await Task.Delay(200);
        }
    }
}
