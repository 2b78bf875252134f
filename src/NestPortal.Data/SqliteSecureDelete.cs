using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NestPortal.Data;

/// <summary>
/// Makes SQLite overwrite deleted and replaced content with zeros (<c>PRAGMA secure_delete</c>), so an
/// erased name does not linger in free space of the database file. The setting belongs to the
/// connection, hence it is set on every open; a checkpoint after an erasure clears the WAL too.
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public static readonly SqliteSecureDelete Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete = ON;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete = ON;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
