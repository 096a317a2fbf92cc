namespace TumorWeb.Web.Features.Accounts;

/// <summary>
/// The one-time link that creates the first admin when no password was given at start-up. Only the
/// secret's hash is kept, in memory; the link works once, and only while there are no users.
/// </summary>
public sealed class SetupLink
{
    private readonly Lock _lock = new();
    private string? _hash;

    public bool IsOpen
    {
        get { lock (_lock) return _hash is not null; }
    }

    /// <summary>A new secret (the previous one stops working).</summary>
    public string Open()
    {
        var secret = Secrets.New("setup_");
        lock (_lock) _hash = Secrets.Hash(secret);
        return secret;
    }

    public bool Matches(string? secret)
    {
        if (string.IsNullOrEmpty(secret)) return false;
        lock (_lock) return _hash is not null && _hash == Secrets.Hash(secret);
    }

    /// <summary>Opens the link again with the same secret after a set-up attempt that created nobody.</summary>
    public void Reopen(string secret)
    {
        lock (_lock) _hash ??= Secrets.Hash(secret);
    }

    /// <summary>True for the one caller that presents the right secret first.</summary>
    public bool TryConsume(string? secret)
    {
        if (string.IsNullOrEmpty(secret)) return false;
        var hash = Secrets.Hash(secret);
        lock (_lock)
        {
            if (_hash != hash) return false;
            _hash = null;
            return true;
        }
    }
}
