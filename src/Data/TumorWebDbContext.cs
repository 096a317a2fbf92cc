using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;
using TumorWeb.Data.Entities.Accounts;
using TumorWeb.Data.Sqlite;

namespace TumorWeb.Data;

/// <summary>
/// The catalog, the job queue and the lab's accounts (ASP.NET Core Identity): in one SQLite file on
/// a single machine, or, through <see cref="PostgreSql.PostgreSqlTumorWebDbContext"/>, in a
/// PostgreSQL database that a cluster's nodes share. This type is also the SQLite flavour: the
/// migrations in Migrations/ belong to it, those in PostgreSql/Migrations to the subclass.
/// </summary>
public class TumorWebDbContext : IdentityDbContext<IdentityUser>
{
    public TumorWebDbContext(DbContextOptions<TumorWebDbContext> options) : base(options)
    {
    }

    /// <summary>For a provider's subclass, whose options are typed for itself.</summary>
    protected TumorWebDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<ExtractionRun> ExtractionRuns => Set<ExtractionRun>();
    public DbSet<RunSlide> RunSlides => Set<RunSlide>();
    public DbSet<Patch> Patches => Set<Patch>();
    public DbSet<TrainingRun> TrainingRuns => Set<TrainingRun>();
    public DbSet<TrainingMetric> TrainingMetrics => Set<TrainingMetric>();
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<RegisteredSlide> RegisteredSlides => Set<RegisteredSlide>();
    public DbSet<SlideAnnotation> SlideAnnotations => Set<SlideAnnotation>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<JobItem> JobItems => Set<JobItem>();
    public DbSet<ClusterSetting> ClusterSettings => Set<ClusterSetting>();
    public DbSet<EvaluationRun> EvaluationRuns => Set<EvaluationRun>();
    public DbSet<EvaluationSlide> EvaluationSlides => Set<EvaluationSlide>();
    public DbSet<AddedDataRoot> AddedDataRoots => Set<AddedDataRoot>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TumorWebDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enum names, not numbers, so the file reads plainly in sqlite3 and survives reordering an enum.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
        ConfigureTimestamps(configurationBuilder);
    }

    /// <summary>How <see cref="DateTimeOffset"/> columns are stored; SQLite has no date type, so as sortable UTC text.</summary>
    protected virtual void ConfigureTimestamps(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTimestampConverter>();
}
