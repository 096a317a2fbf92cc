using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorWeb.Data.Entities.Accounts;

namespace TumorWeb.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.HasKey(e => e.Id);
        entry.HasIndex(e => e.At);
    }
}

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.HasKey(t => t.Id);
        token.HasIndex(t => t.Hash).IsUnique();
        token.HasIndex(t => t.UserId);
    }
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> session)
    {
        session.HasKey(s => s.KeyHash);
        session.HasIndex(s => s.UserId);
        session.HasIndex(s => s.ExpiresAt);
    }
}

public sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public void Configure(EntityTypeBuilder<ShareLink> link)
    {
        link.HasKey(l => l.Id);
        link.HasIndex(l => l.Hash).IsUnique();
        link.HasIndex(l => new { l.Kind, l.RunId });
    }
}
