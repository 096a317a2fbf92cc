using Bunit;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Components.Runs;

namespace TumorWeb.Web.Tests.Pages;

public sealed class JobControlsTests : IAsyncLifetime
{
    private readonly PagesTestContext context = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public void CancelAsksFirstAndOnlyTheConfirmationCancels()
    {
        var job = new Job { Id = 7, Kind = JobKind.Training, Title = "Training tiny on Demo", Status = RunStatus.Running };
        var controls = context.Render<JobControls>(p => p.Add(c => c.Job, job).Add(c => c.Status, RunStatus.Running));

        controls.Find("button[data-test=cancel]").Click();
        Assert.Contains("Cancel job #7?", controls.Find("[data-test=cancel-confirmation]").TextContent);
        Assert.Empty(context.Queue.Cancelled);

        controls.Find("button[data-test=keep-running]").Click();
        Assert.Empty(controls.FindAll("[data-test=cancel-confirmation]"));
        Assert.Empty(context.Queue.Cancelled);

        controls.Find("button[data-test=cancel]").Click();
        controls.Find("button[data-test=confirm-cancel]").Click();
        controls.WaitForAssertion(() => Assert.Equal([(7, ComponentTestServicesName)], context.Queue.Cancelled));
    }

    private const string ComponentTestServicesName = Components.ComponentTestServices.UserName;
}
