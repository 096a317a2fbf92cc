namespace TumorWeb.Web.Features.Jobs;

/// <summary>
/// The one path progress takes from the pipeline to the browser: jobs publish, Blazor components
/// subscribe (and unsubscribe on dispose), and a hub relay forwards to /hubs/runs. Throttled per
/// job to a few events a second; status changes are never dropped.
/// </summary>
public interface IRunNotifier
{
    void Publish(RunEvent runEvent);

    /// <summary>Calls <paramref name="handler"/> for every event until the returned handle is disposed.</summary>
    IDisposable Subscribe(Action<RunEvent> handler);

    /// <summary>
    /// Like <see cref="Subscribe"/>, but only for events published in this process, not those a
    /// cluster's other nodes published and the relay handed on (docs/cluster.md): for whatever must
    /// happen once per event in the cluster, such as saving progress or relaying it.
    /// </summary>
    IDisposable SubscribeLocal(Action<RunEvent> handler) => Subscribe(handler);
}
