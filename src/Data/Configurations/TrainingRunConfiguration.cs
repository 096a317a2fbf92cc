using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorWeb.Data.Entities;

namespace TumorWeb.Data.Configurations;

public sealed class TrainingRunConfiguration : IEntityTypeConfiguration<TrainingRun>
{
    public void Configure(EntityTypeBuilder<TrainingRun> run)
    {
        run.HasKey(r => r.Id);
        run.HasIndex(r => r.CreatedAt);
        run.HasOne(r => r.ExtractionRun)
            .WithMany()
            .HasForeignKey(r => r.ExtractionRunId)
            .OnDelete(DeleteBehavior.Cascade);
        run.HasMany(r => r.Metrics)
            .WithOne(m => m.TrainingRun)
            .HasForeignKey(m => m.TrainingRunId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
