using TumorWeb.Web.Features.Jobs;

namespace TumorWeb.Web.Tests.Pages;

/// <summary>Delivers each published event to the current subscribers, on the publishing thread like the real one.</summary>
public sealed class FakeRunNotifier : IRunNotifier
{
    private readonly List<Action<RunEvent>> handlers = [];

    public int Subscribers
    {
        get { lock (handlers) return handlers.Count; }
    }

    public void Publish(RunEvent runEvent)
    {
        Action<RunEvent>[] current;
        lock (handlers) current = [.. handlers];
        foreach (var handler in current) handler(runEvent);
    }

    public IDisposable Subscribe(Action<RunEvent> handler)
    {
        lock (handlers) handlers.Add(handler);
        return new Unsubscriber(() => { lock (handlers) handlers.Remove(handler); });
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
