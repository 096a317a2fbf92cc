using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorWeb.Data.Entities;

namespace TumorWeb.Data.Configurations;

public sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> dataset)
    {
        dataset.HasKey(d => d.Id);
        dataset.HasIndex(d => d.Folder).IsUnique();
        dataset.HasMany(d => d.Slides)
            .WithOne(s => s.Dataset)
            .HasForeignKey(s => s.DatasetId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
