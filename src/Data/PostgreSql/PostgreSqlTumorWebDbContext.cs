using Microsoft.EntityFrameworkCore;

namespace TumorWeb.Data.PostgreSql;

/// <summary>
/// The same model as <see cref="TumorWebDbContext"/> on PostgreSQL, the database a cluster's nodes share.
/// </summary>
/// <remarks>
/// EF Core keeps one migration set per context type (each migration names its context in a
/// [DbContext] attribute), so a subclass per provider is the standard way to keep two sets in one
/// assembly: Migrations/ is SQLite's, PostgreSql/Migrations is this type's. The app still asks for
/// <see cref="TumorWebDbContext"/>; in cluster mode it is handed an instance of this type.
/// </remarks>
public sealed class PostgreSqlTumorWebDbContext(DbContextOptions<PostgreSqlTumorWebDbContext> options) : TumorWebDbContext(options)
{
    /// <summary>Native timestamptz columns; Npgsql writes only offset-zero values to them, so each is turned to UTC first.</summary>
    protected override void ConfigureTimestamps(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
}
