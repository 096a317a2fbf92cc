namespace TumorWeb.Web.Features.Viewer;

/// <summary>
/// One background build per key, shared by every request that waits for it. The build is cancelled
/// when the last waiter leaves before it ends (every request for it was aborted) or when its
/// lifetime ends (its dataset was deleted), so no build outlives everyone who wanted it.
/// </summary>
public sealed class SharedBuilds<TKey> where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Build> _builds = [];

    /// <summary>Waits for the key's build, starting it unless one is running; throws what the build threw.</summary>
    public async Task WaitAsync(TKey key, Func<CancellationToken, Task> build, CancellationToken lifetime, CancellationToken ct)
    {
        Build shared;
        lock (_gate)
        {
            if (!_builds.TryGetValue(key, out shared!)) _builds[key] = shared = new Build(build, lifetime);
            shared.Waiters++;
        }
        try
        {
            await shared.Task.WaitAsync(ct);
        }
        finally
        {
            Leave(key, shared);
        }
    }

    /// <summary>Builds running now, for tests and diagnostics.</summary>
    public int Running
    {
        get
        {
            lock (_gate) return _builds.Count;
        }
    }

    private void Leave(TKey key, Build shared)
    {
        bool abandoned;
        lock (_gate)
        {
            shared.Waiters--;
            abandoned = shared.Waiters == 0 && !shared.Task.IsCompleted;
            var over = abandoned || shared.Task.IsCompleted;
            if (over && _builds.TryGetValue(key, out var current) && current == shared) _builds.Remove(key);
        }
        if (abandoned) shared.Cancel();
    }

    private sealed class Build
    {
        // Never linked to the lifetime token's source (and so never in need of disposal): a
        // registration, dropped when the build ends, carries the lifetime's cancellation over.
        private readonly CancellationTokenSource _cancel = new();

        public Build(Func<CancellationToken, Task> build, CancellationToken lifetime)
        {
            var registration = lifetime.UnsafeRegister(_ => Cancel(), null);
            var token = _cancel.Token;
            Task = Task.Run(() => build(token), CancellationToken.None);
            // An abandoned build's failure has no one to see it.
            Task.ContinueWith(t => { registration.Dispose(); _ = t.Exception; }, TaskScheduler.Default);
        }

        public Task Task { get; }

        public int Waiters { get; set; }

        public void Cancel() => _cancel.Cancel();
    }
}
