namespace TumorWeb.Web.Components.Runs;

/// <summary>
/// Decides when a live page re-reads SQLite: at once when a job's status changes, otherwise at most
/// once per interval, however many progress events arrive.
/// </summary>
public sealed class ReloadThrottle(TimeProvider time, TimeSpan interval)
{
    private DateTimeOffset last = DateTimeOffset.MinValue;

    public bool ShouldReload(bool statusChanged)
    {
        var now = time.GetUtcNow();
        if (!statusChanged && now - last < interval) return false;
        last = now;
        return true;
    }
}
