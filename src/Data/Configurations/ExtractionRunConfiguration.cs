using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorWeb.Data.Entities;

namespace TumorWeb.Data.Configurations;

public sealed class ExtractionRunConfiguration : IEntityTypeConfiguration<ExtractionRun>
{
    public void Configure(EntityTypeBuilder<ExtractionRun> run)
    {
        run.HasKey(r => r.Id);
        run.HasIndex(r => r.CreatedAt);
        run.HasMany(r => r.Slides)
            .WithOne(s => s.ExtractionRun)
            .HasForeignKey(s => s.ExtractionRunId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
