using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorWeb.Data.Entities;

namespace TumorWeb.Data.Configurations;

public sealed class ClusterSettingConfiguration : IEntityTypeConfiguration<ClusterSetting>
{
    public void Configure(EntityTypeBuilder<ClusterSetting> setting)
    {
        setting.HasKey(s => s.Key);
        setting.Property(s => s.Key).HasMaxLength(200);
    }
}
