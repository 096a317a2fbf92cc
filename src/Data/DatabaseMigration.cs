using Microsoft.EntityFrameworkCore;

namespace TumorWeb.Data;

public static class DatabaseMigration
{
    /// <summary>
    /// Brings the database up to the latest migration of its provider's set. A SQLite file is also
    /// switched to write-ahead logging, so the web pages can read while a background extraction writes.
    /// On PostgreSQL, EF holds a lock on its history table while it migrates, so two nodes starting at
    /// once apply each migration once.
    /// </summary>
    public static async Task MigrateAsync(this TumorWebDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        // Unlike the busy timeout, the journal mode is stored in the file, so setting it once is enough.
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
