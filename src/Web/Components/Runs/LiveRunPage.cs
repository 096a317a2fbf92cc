using Microsoft.AspNetCore.Components;
using TumorWeb.Web.Features.Jobs;

namespace TumorWeb.Web.Components.Runs;

/// <summary>
/// A page that follows job events: handlers run on the circuit's thread, the page re-renders after
/// each, and the subscription ends with the page.
/// </summary>
public abstract class LiveRunPage : ComponentBase, IDisposable
{
    private IDisposable? subscription;

    [Inject] protected IRunNotifier Notifier { get; set; } = default!;
    [Inject] protected TimeProvider Time { get; set; } = default!;

    /// <summary>The last failure of a live update, shown by the page instead of tearing down the circuit.</summary>
    protected string? LiveError { get; private set; }

    /// <summary>
    /// Subscribes once. Pages call it before their first load, so an event that happens between the
    /// load and the subscription is not lost (handlers ignore what the load already holds).
    /// </summary>
    protected void Listen(Func<RunEvent, bool> wanted, Func<RunEvent, Task> apply) =>
        subscription ??= Notifier.Subscribe(e =>
        {
            if (wanted(e)) _ = InvokeAsync(() => ApplyAsync(apply, e));
        });

    private async Task ApplyAsync(Func<RunEvent, Task> apply, RunEvent e)
    {
        try
        {
            await apply(e);
            LiveError = null;
        }
        catch (Exception ex)
        {
            LiveError = $"Live update failed: {ex.Message}";
        }
        StateHasChanged();
    }

    public virtual void Dispose()
    {
        subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
