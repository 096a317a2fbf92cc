using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorWeb.Data.Entities;

namespace TumorWeb.Data.Configurations;

public sealed class RegisteredSlideConfiguration : IEntityTypeConfiguration<RegisteredSlide>
{
    public void Configure(EntityTypeBuilder<RegisteredSlide> slide)
    {
        slide.HasKey(s => s.Id);
        slide.HasIndex(s => new { s.DatasetId, s.Name }).IsUnique();
    }
}
