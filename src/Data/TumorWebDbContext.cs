using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;
using TumorWeb.Data.Sqlite;

namespace TumorWeb.Data;

public class TumorWebDbContext(DbContextOptions<TumorWebDbContext> options) : DbContext(options)
{
    public DbSet<ExtractionRun> ExtractionRuns => Set<ExtractionRun>();
    public DbSet<RunSlide> RunSlides => Set<RunSlide>();
    public DbSet<Patch> Patches => Set<Patch>();
    public DbSet<TrainingRun> TrainingRuns => Set<TrainingRun>();
    public DbSet<TrainingMetric> TrainingMetrics => Set<TrainingMetric>();
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<RegisteredSlide> RegisteredSlides => Set<RegisteredSlide>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<EvaluationRun> EvaluationRuns => Set<EvaluationRun>();
    public DbSet<EvaluationSlide> EvaluationSlides => Set<EvaluationSlide>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TumorWebDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enum names, not numbers, so the file reads plainly in sqlite3 and survives reordering an enum.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTimestampConverter>();
    }
}
