using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorWeb.Data.Entities;

namespace TumorWeb.Data.Configurations;

public sealed class JobItemConfiguration : IEntityTypeConfiguration<JobItem>
{
    public void Configure(EntityTypeBuilder<JobItem> item)
    {
        item.HasKey(i => i.Id);
        item.HasOne(i => i.Job).WithMany().HasForeignKey(i => i.JobId).OnDelete(DeleteBehavior.Cascade);
        item.HasIndex(i => new { i.JobId, i.Stage, i.Key }).IsUnique();
        item.HasIndex(i => new { i.Status, i.LeaseExpiresAt });
        item.Property(i => i.Key).HasMaxLength(400);
        item.Property(i => i.Queue).HasMaxLength(40);
        item.Property(i => i.Owner).HasMaxLength(200);
    }
}
