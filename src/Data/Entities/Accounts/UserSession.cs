namespace TumorWeb.Data.Entities.Accounts;

/// <summary>
/// A signed-in browser session, kept on the server so that signing out ends it at once: the cookie
/// holds only a random key, and its ticket (protected with the app's keys) lives here under the
/// key's SHA-256. Deleting the row ends the session.
/// </summary>
public class UserSession
{
    /// <summary>Lower-case hex SHA-256 of the key in the cookie.</summary>
    public string KeyHash { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The authentication ticket, serialized and protected with the app's data-protection keys.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTimeOffset? ExpiresAt { get; set; }
}
