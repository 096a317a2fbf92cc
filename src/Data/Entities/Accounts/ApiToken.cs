namespace TumorWeb.Data.Entities.Accounts;

/// <summary>
/// A bearer token a user made for scripts and dashboards. Only its SHA-256 is stored: the token is
/// shown once, and a copy of the database lets nobody call the API.
/// </summary>
public class ApiToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The token's first characters, so a user can tell their tokens apart.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole token.</summary>
    public string Hash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
