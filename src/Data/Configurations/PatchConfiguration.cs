using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorWeb.Data.Entities;

namespace TumorWeb.Data.Configurations;

public sealed class PatchConfiguration : IEntityTypeConfiguration<Patch>
{
    public void Configure(EntityTypeBuilder<Patch> patch)
    {
        patch.HasKey(p => p.Id);

        // A resumed extraction may revisit a cell; the database, not the caller, guarantees one patch per cell.
        patch.HasIndex(p => new { p.RunSlideId, p.X, p.Y }).IsUnique();

        // Training asks for "the tumor patches of the train split of run N".
        patch.HasIndex(p => new { p.ExtractionRunId, p.Split, p.Label });

        patch.HasOne(p => p.RunSlide)
            .WithMany()
            .HasForeignKey(p => p.RunSlideId)
            .OnDelete(DeleteBehavior.Cascade);

        // Also tied to the run directly so a whole run's patches are found without joining slides.
        patch.HasOne(p => p.ExtractionRun)
            .WithMany()
            .HasForeignKey(p => p.ExtractionRunId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
