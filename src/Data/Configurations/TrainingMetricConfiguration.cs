using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorWeb.Data.Entities;

namespace TumorWeb.Data.Configurations;

public sealed class TrainingMetricConfiguration : IEntityTypeConfiguration<TrainingMetric>
{
    public void Configure(EntityTypeBuilder<TrainingMetric> metric)
    {
        metric.HasKey(m => m.Id);

        // A resumed run replays the steps after its checkpoint; the database, not the caller,
        // guarantees that a curve never holds two points for one step.
        metric.HasIndex(m => new { m.TrainingRunId, m.Phase, m.Step }).IsUnique();
    }
}
