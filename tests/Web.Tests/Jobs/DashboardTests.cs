using TumorWeb.Web.Tests.Components;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Components.Pages.Dashboard;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Notifications;
using TumorWeb.Web.Features.Jobs.Queue;

namespace TumorWeb.Web.Tests.Jobs;

/// <summary>The dashboard follows the notifier: progress moves without a reload, and it unsubscribes when disposed.</summary>
public sealed class DashboardTests : IAsyncLifetime
{
    // MudBlazor's services are only async-disposable, so the context is disposed through IAsyncLifetime.
    private readonly BunitContext _bunit = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("tumorweb-dashboard-").FullName;
    private readonly RunNotifier _notifier = new(TimeProvider.System, NullLogger<RunNotifier>.Instance);

    public DashboardTests()
    {
        _bunit.AddTestServices();
        Services.AddData($"Data Source={Path.Combine(_folder, "test.db")}");
        Services.AddSingleton<IRunNotifier>(_notifier);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<JobSignals>();
        Services.AddSingleton<JobValidation>();
        Services.AddSingleton<TumorWeb.Web.Features.Accounts.AuditLog>();
        Services.AddSingleton<IJobQueue, JobQueue>();
    }

    private async Task<int> AddRunningJobAsync()
    {
        var factory = Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.MigrateAsync(CancellationToken.None);
        var job = new Job { Kind = JobKind.Extraction, Title = "Extraction of dataset 1", Status = RunStatus.Running, Progress = 0.1, CreatedAt = DateTimeOffset.UtcNow };
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    [Fact]
    public async Task ProgressEventMovesTheJobsBarAndMessage()
    {
        var jobId = await AddRunningJobAsync();
        var page = Render<Dashboard>();
        page.WaitForAssertion(() => Assert.Contains("Extraction of dataset 1", page.Markup));

        _notifier.Publish(new RunEvent(jobId, JobKind.Extraction, RunStatus.Running, 0.5, "patches 50/100", 1, null, DateTimeOffset.UtcNow));

        page.WaitForAssertion(() =>
        {
            Assert.Contains("patches 50/100", page.Markup);
            Assert.Contains("aria-valuenow=\"50\"", page.Find($"[data-job-progress='{jobId}']").OuterHtml);
        });
    }

    [Fact]
    public async Task StatusChangeShowsResumeInsteadOfCancel()
    {
        var jobId = await AddRunningJobAsync();
        var page = Render<Dashboard>();
        page.WaitForAssertion(() => Assert.Contains("Cancel", page.Markup));

        var factory = Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
            await db.Jobs.ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RunStatus.Interrupted));
        _notifier.Publish(new RunEvent(jobId, JobKind.Extraction, RunStatus.Interrupted, 0.1, "interrupted", 1, null, DateTimeOffset.UtcNow));

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Resume", page.Markup);
            Assert.DoesNotContain(">Cancel<", page.Markup);
        });
    }

    [Fact]
    public async Task AViewerSeesTheJobButNoCancelOrResume()
    {
        await AddRunningJobAsync();
        _bunit.SignInAs(TumorWeb.Web.Features.Accounts.LabRoles.Viewer);

        var page = Render<Dashboard>();

        page.WaitForAssertion(() => Assert.Contains("Extraction of dataset 1", page.Markup));
        Assert.DoesNotContain(">Cancel<", page.Markup);
        Assert.DoesNotContain(">Resume<", page.Markup);
    }

    private BunitServiceProvider Services => _bunit.Services;

    private IRenderedComponent<T> Render<T>() where T : Microsoft.AspNetCore.Components.IComponent => _bunit.Render<T>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _bunit.DisposeAsync();
        _notifier.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
