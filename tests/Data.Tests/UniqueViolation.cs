using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TumorWeb.Data.Tests;

/// <summary>What each provider says when a unique index refuses a row.</summary>
public static class UniqueViolation
{
    public static void AssertRefusedBy(DbUpdateException error, DatabaseProvider provider, string table, params string[] columns)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var sqlite = Assert.IsType<SqliteException>(error.InnerException);
            Assert.Contains($"UNIQUE constraint failed: {string.Join(", ", columns.Select(c => $"{table}.{c}"))}", sqlite.Message);
            return;
        }
        var postgres = Assert.IsType<PostgresException>(error.InnerException);
        Assert.Equal((PostgresErrorCodes.UniqueViolation, $"IX_{table}_{string.Join('_', columns)}"), (postgres.SqlState, postgres.ConstraintName));
    }
}
