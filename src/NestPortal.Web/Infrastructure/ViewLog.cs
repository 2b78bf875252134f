using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Data.Auditing;

namespace NestPortal.Web.Infrastructure;

/// <summary>
/// Saves the audit rows of a page view (a municipality or mentor seeing a person, a search of the log)
/// without letting a busy writer turn the read into a failed page (ADR 0022). The save waits briefly
/// for the write lock; if the database stays busy, the rows go to a durable spool file and the page is
/// shown. <see cref="ViewLogSpoolJob"/> writes the spooled rows, with their original time, actor and
/// request id, shortly after. A view is never dropped silently: if even the spool cannot be written,
/// the request fails as before.
/// </summary>
public sealed class ViewLogSpool(IConfiguration configuration, IWebHostEnvironment environment, IServiceScopeFactory scopes, ILogger<ViewLogSpool> logger)
{
    /// <summary>Where the spool lives unless <c>Audit:ViewSpoolDirectory</c> says otherwise; relative paths from the content root.</summary>
    public const string DefaultDirectory = "App_Data/view-log-spool";

    /// <summary>How long a view's save waits for SQLite's write lock before it spools; a page should not hang for a log row.</summary>
    public const int ViewWaitSeconds = 1;

    private const string Pending = ".views.json";
    private const string Claimed = ".flushing";

    /// <summary>A claimed file older than this was left by an instance that stopped while writing it: taken again.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    public string Directory { get; } = Path.GetFullPath(configuration["Audit:ViewSpoolDirectory"] ?? DefaultDirectory, environment.ContentRootPath);

    /// <summary>One spooled view row: the audit entry's own fields, so the row written later is the one the page would have written.</summary>
    public sealed record SpooledView(DateTime AtUtc, string? UserId, string UserName, string? Role, string? RequestId, string EntityType, string EntityId);

    /// <summary>
    /// Saves the pending view rows of <paramref name="db"/>; the context must hold nothing else to save.
    /// With the writer busy beyond <see cref="ViewWaitSeconds"/> they are spooled instead.
    /// </summary>
    public async Task SaveViewsAsync(NestPortalDbContext db, CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection() as SqliteConnection;
        var timeout = connection?.DefaultTimeout;
        try
        {
            if (connection is not null) connection.DefaultTimeout = ViewWaitSeconds;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception.IsBusy())
        {
            var views = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            if (db.ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged && e.Entity is not AuditEntry)) throw;
            Spool(views);
            foreach (var view in views) db.Entry(view).State = EntityState.Detached;
            logger.LogWarning("The database was busy: {Count} view rows spooled to be written shortly", views.Count);
        }
        finally
        {
            if (connection is not null && timeout is { } previous) connection.DefaultTimeout = previous;
        }
    }

    /// <summary>Writes the rows to a new spool file, complete or not at all (written aside, then renamed).</summary>
    private void Spool(IReadOnlyList<AuditEntry> views)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var rows = views.Select(v => new SpooledView(v.AtUtc, v.UserId, v.UserName, v.Role, v.RequestId, v.EntityType, v.EntityId)).ToList();
        var name = Path.Combine(Directory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}");
        using (var stream = new FileStream(name + ".tmp", FileMode.CreateNew, FileAccess.Write))
        {
            JsonSerializer.Serialize(stream, rows);
            stream.Flush(flushToDisk: true);
        }

        File.Move(name + ".tmp", name + Pending);
    }

    /// <summary>Whether rows wait in the spool (tests and the health page's reader).</summary>
    public bool HasPending => System.IO.Directory.Exists(Directory) && System.IO.Directory.EnumerateFiles(Directory, "*" + Pending).Any();

    /// <summary>
    /// Writes every spooled file's rows in a save of their own and deletes the file. A file is claimed by
    /// renaming it first, so two instances sharing the folder never write it twice; a busy database puts it
    /// back for the next run. Returns the number of rows written.
    /// </summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (!System.IO.Directory.Exists(Directory)) return 0;
        var written = 0;
        var files = System.IO.Directory.EnumerateFiles(Directory, "*" + Pending)
            .Concat(System.IO.Directory.EnumerateFiles(Directory, "*" + Claimed).Where(f => DateTime.UtcNow - File.GetLastWriteTimeUtc(f) > AbandonedAfter))
            .Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var baseName = file.EndsWith(Pending, StringComparison.Ordinal) ? file[..^Pending.Length] : file[..^Claimed.Length];
            var claimed = baseName + Claimed;
            try
            {
                if (file != claimed) File.Move(file, claimed);
                File.SetLastWriteTimeUtc(claimed, DateTime.UtcNow);
            }
            catch (IOException)
            {
                continue; // Another instance took it.
            }

            List<SpooledView> rows;
            await using (var stream = File.OpenRead(claimed))
                rows = await JsonSerializer.DeserializeAsync<List<SpooledView>>(stream, cancellationToken: cancellationToken) ?? [];
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
                db.AuditEntries.AddRange(rows.Select(r =>
                    new AuditEntry(r.AtUtc, new AuditActorInfo(r.UserId, r.UserName, r.Role, r.RequestId), AuditAction.Viewed, r.EntityType, r.EntityId, null)));
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (Exception exception) when (exception.IsBusy())
            {
                File.Move(claimed, baseName + Pending);
                logger.LogInformation("The database is still busy; spooled view rows stay for the next run");
                break;
            }

            // Deleted only after the save: a stop in between writes the rows twice (a view logged twice), never loses them.
            File.Delete(claimed);
            written += rows.Count;
        }

        return written;
    }
}

/// <summary>Shortcut for the pages that log views.</summary>
public static class ViewLogSaving
{
    public static Task SaveViewsAsync(this NestPortalDbContext db, HttpContext http) =>
        http.RequestServices.GetRequiredService<ViewLogSpool>().SaveViewsAsync(db, http.RequestAborted);
}
