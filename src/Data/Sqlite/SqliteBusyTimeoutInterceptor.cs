using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TumorWeb.Data.Sqlite;

/// <summary>
/// Sets SQLite's busy timeout on every connection EF opens. The setting lives on the connection,
/// not in the database file, so it is repeated on each open; with it SQLite waits inside the call
/// for a lock held by another connection (the background writer) instead of answering SQLITE_BUSY.
/// </summary>
public sealed class SqliteBusyTimeoutInterceptor(TimeSpan timeout) : DbConnectionInterceptor
{
    private string Pragma => $"PRAGMA busy_timeout = {(int)timeout.TotalMilliseconds};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
