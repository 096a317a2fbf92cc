using TumorWeb.Web.Features.Viewer;

namespace TumorWeb.Web.Tests.Viewer;

public class SharedBuildsTests
{
    private readonly SharedBuilds<int> _builds = new();
    private readonly TaskCompletionSource<CancellationToken> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _buildsStarted;

    /// <summary>A build that reports its token, then runs until told to finish or cancelled.</summary>
    private Task Build(CancellationToken ct)
    {
        Interlocked.Increment(ref _buildsStarted);
        _started.TrySetResult(ct);
        return _finish.Task.WaitAsync(ct);
    }

    [Fact]
    public async Task RequestsThatArriveTogetherShareOneBuild()
    {
        var first = _builds.WaitAsync(7, Build, CancellationToken.None, CancellationToken.None);
        var second = _builds.WaitAsync(7, Build, CancellationToken.None, CancellationToken.None);
        await _started.Task;

        _finish.SetResult();
        await Task.WhenAll(first, second);

        Assert.Equal(1, _buildsStarted);
        Assert.Equal(0, _builds.Running);
    }

    [Fact]
    public async Task TheBuildIsCancelledWhenItsOnlyRequestIsAborted()
    {
        using var request = new CancellationTokenSource();
        var waiting = _builds.WaitAsync(7, Build, CancellationToken.None, request.Token);
        var buildToken = await _started.Task;

        await request.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.True(buildToken.IsCancellationRequested);
        Assert.Equal(0, _builds.Running);
    }

    [Fact]
    public async Task TheBuildGoesOnWhileAnotherRequestStillWaits()
    {
        using var aborted = new CancellationTokenSource();
        var leaving = _builds.WaitAsync(7, Build, CancellationToken.None, aborted.Token);
        var staying = _builds.WaitAsync(7, Build, CancellationToken.None, CancellationToken.None);
        var buildToken = await _started.Task;

        await aborted.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);

        Assert.False(buildToken.IsCancellationRequested);
        _finish.SetResult();
        await staying;
    }

    [Fact]
    public async Task TheBuildIsCancelledWhenItsLifetimeEnds()
    {
        using var dataset = new CancellationTokenSource();
        var waiting = _builds.WaitAsync(7, Build, dataset.Token, CancellationToken.None);
        var buildToken = await _started.Task;

        await dataset.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.True(buildToken.IsCancellationRequested);
    }

    [Fact]
    public async Task AFailedBuildIsTriedAgainByTheNextRequest()
    {
        var attempts = 0;
        Task Failing(CancellationToken _) => ++attempts == 1 ? Task.FromException(new IOException("disk full")) : Task.CompletedTask;

        await Assert.ThrowsAsync<IOException>(() => _builds.WaitAsync(7, Failing, CancellationToken.None, CancellationToken.None));
        await _builds.WaitAsync(7, Failing, CancellationToken.None, CancellationToken.None);

        Assert.Equal(2, attempts);
    }
}
