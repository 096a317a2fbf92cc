namespace TumorWeb.Data.Entities.Accounts;

/// <summary>
/// A read-only link to one run's results for people without an account. The link carries a random
/// secret; only its SHA-256 is stored, so the link cannot be rebuilt from the database.
/// </summary>
public class ShareLink
{
    public int Id { get; set; }
    public SharedRunKind Kind { get; set; }
    public int RunId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the secret in the link.</summary>
    public string Hash { get; set; } = "";

    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
