using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorWeb.Data.Entities;

namespace TumorWeb.Data.Configurations;

public sealed class EvaluationRunConfiguration : IEntityTypeConfiguration<EvaluationRun>
{
    public void Configure(EntityTypeBuilder<EvaluationRun> run)
    {
        run.HasKey(r => r.Id);
        run.HasIndex(r => r.CreatedAt);
        run.HasOne(r => r.TrainingRun)
            .WithMany()
            .HasForeignKey(r => r.TrainingRunId)
            .OnDelete(DeleteBehavior.SetNull);
        run.HasMany(r => r.Slides)
            .WithOne(s => s.EvaluationRun)
            .HasForeignKey(s => s.EvaluationRunId)
            .OnDelete(DeleteBehavior.Cascade);
        run.HasIndex(r => r.DatasetId);
    }
}
