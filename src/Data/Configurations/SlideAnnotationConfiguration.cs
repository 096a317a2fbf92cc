using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorWeb.Data.Entities;

namespace TumorWeb.Data.Configurations;

public sealed class SlideAnnotationConfiguration : IEntityTypeConfiguration<SlideAnnotation>
{
    public void Configure(EntityTypeBuilder<SlideAnnotation> annotation)
    {
        annotation.HasKey(a => a.Id);
        annotation.HasOne(a => a.Slide)
            .WithMany()
            .HasForeignKey(a => a.RegisteredSlideId)
            .OnDelete(DeleteBehavior.Cascade);
        annotation.HasIndex(a => new { a.RegisteredSlideId, a.FeatureId }).IsUnique();
    }
}
