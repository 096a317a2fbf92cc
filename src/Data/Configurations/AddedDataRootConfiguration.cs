using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorWeb.Data.Entities;

namespace TumorWeb.Data.Configurations;

public sealed class AddedDataRootConfiguration : IEntityTypeConfiguration<AddedDataRoot>
{
    public void Configure(EntityTypeBuilder<AddedDataRoot> root)
    {
        root.HasKey(r => r.Id);
        root.HasIndex(r => r.Path).IsUnique();
    }
}
