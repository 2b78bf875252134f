using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NestPortal.Data;
using NestPortal.Data.Operations;

namespace NestPortal.Web.Infrastructure;

/// <summary>
/// Readiness (/health/ready, and /health for existing probes): the database can be read and written. The
/// probe reads the instance's heartbeat row and writes it back in a committed save, so a read-only file or
/// mount and a full disk answer Unhealthy (503), not only an unreachable server (ADR 0022). A writer holding
/// the lock beyond the busy timeout is Degraded (still 200): the portal is up, requests get the busy page.
/// </summary>
public sealed class DatabaseReadiness(NestPortalDbContext db, TimeProvider time) : IHealthCheck
{
    public const string Tag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var instance = Environment.MachineName;
            var now = time.GetUtcNow().UtcDateTime;
            var heartbeat = await db.DatabaseHeartbeats.SingleOrDefaultAsync(h => h.Instance == instance, cancellationToken);
            if (heartbeat is null) db.DatabaseHeartbeats.Add(new DatabaseHeartbeat(instance, now));
            else heartbeat.Beat(now);
            await db.SaveChangesAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database can be read and written.");
        }
        catch (Exception exception) when (exception.IsBusy())
        {
            return HealthCheckResult.Degraded("The database is busy: another writer holds the lock beyond the busy timeout.");
        }
        catch (Exception exception) when (exception is DbUpdateException or SqliteException or Microsoft.Data.SqlClient.SqlException or InvalidOperationException)
        {
            // A read-only file is SQLITE_READONLY (8), a full disk SQLITE_FULL (13), a broken file SQLITE_IOERR (10).
            return HealthCheckResult.Unhealthy("The database cannot be read or written: " + exception.GetBaseException().Message);
        }
    }
}
