using Microsoft.EntityFrameworkCore;

namespace TumorWeb.Data;

public static class DatabaseMigration
{
    /// <summary>
    /// Brings the database file up to the latest migration and switches it to write-ahead logging,
    /// so the web pages can read while a background extraction writes.
    /// </summary>
    public static async Task MigrateAsync(this TumorWebDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        // Unlike the busy timeout, the journal mode is stored in the file, so setting it once is enough.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
