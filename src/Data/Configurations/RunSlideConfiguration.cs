using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorWeb.Data.Entities;

namespace TumorWeb.Data.Configurations;

public sealed class RunSlideConfiguration : IEntityTypeConfiguration<RunSlide>
{
    public void Configure(EntityTypeBuilder<RunSlide> slide)
    {
        slide.HasKey(s => s.Id);
        slide.HasIndex(s => new { s.ExtractionRunId, s.Name }).IsUnique();
    }
}
