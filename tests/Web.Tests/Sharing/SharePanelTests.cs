using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Data.Entities.Accounts;
using TumorWeb.Web.Components.Pages.Sharing;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Sharing;
using TumorWeb.Web.Tests.Components;
using TumorWeb.Web.Tests.Pages;

namespace TumorWeb.Web.Tests.Sharing;

public sealed class SharePanelTests : IAsyncLifetime
{
    private readonly PagesTestContext context = new();

    [Fact]
    public async Task CreatingALinkShowsItsUrlOnceAndListsIt()
    {
        var evaluationId = await SeedEvaluationAsync();
        var panel = context.Render<SharePanel>(p => p.Add(c => c.EvaluationId, evaluationId));
        panel.Find("input[data-test=share-days]").Change("3");

        await panel.Find("button[data-test=share-create]").ClickAsync(new());

        var url = panel.Find("input[data-test=share-url]").GetAttribute("value")!;
        var baseUri = context.Services.GetRequiredService<NavigationManager>().BaseUri;
        Assert.StartsWith($"{baseUri}share/s_", url);
        var links = await context.Services.GetRequiredService<ShareLinks>().ListAsync(SharedRunKind.Evaluation, evaluationId);
        var link = Assert.Single(links);
        Assert.Equal(Secrets.Hash(url[(url.LastIndexOf('/') + 1)..]), link.Hash);
        Assert.Equal(TimeSpan.FromDays(3), link.ExpiresAt - link.CreatedAt);
        Assert.Equal(ComponentTestServices.UserName, link.CreatedBy);
        Assert.Equal("active", panel.Find("[data-test=share-state]").TextContent);
    }

    [Fact]
    public async Task RevokingMarksTheLinkRevokedAndHidesItsButton()
    {
        var evaluationId = await SeedEvaluationAsync();
        await context.Services.GetRequiredService<ShareLinks>().CreateAsync("someone", SharedRunKind.Evaluation, evaluationId, 7);
        var panel = context.Render<SharePanel>(p => p.Add(c => c.EvaluationId, evaluationId));

        await panel.Find("button[data-test=share-revoke]").ClickAsync(new());

        Assert.StartsWith("revoked", panel.Find("[data-test=share-state]").TextContent);
        Assert.Empty(panel.FindAll("[data-test=share-revoke]"));
        Assert.Null(await context.Services.GetRequiredService<ShareLinks>().ResolveAsync("s_unknown"));
    }

    [Fact]
    public async Task AViewerSeesTheLinksButCannotCreateOrRevoke()
    {
        var evaluationId = await SeedEvaluationAsync();
        await context.Services.GetRequiredService<ShareLinks>().CreateAsync("someone", SharedRunKind.Evaluation, evaluationId, 7);
        context.SignInAs(LabRoles.Viewer);

        var panel = context.Render<SharePanel>(p => p.Add(c => c.EvaluationId, evaluationId));

        Assert.Empty(panel.FindAll("[data-test=share-create]"));
        Assert.Empty(panel.FindAll("[data-test=share-revoke]"));
        Assert.Single(panel.FindAll("[data-test=share-link]"));
    }

    [Fact]
    public async Task ATrainingRunsPanelListsOnlyItsOwnLinks()
    {
        var evaluationId = await SeedEvaluationAsync();
        var links = context.Services.GetRequiredService<ShareLinks>();
        await links.CreateAsync("someone", SharedRunKind.Evaluation, evaluationId, 7);
        int trainingId;
        await using (var db = await context.Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>().CreateDbContextAsync())
            trainingId = await db.TrainingRuns.Select(r => r.Id).SingleAsync();

        var panel = context.Render<SharePanel>(p => p.Add(c => c.TrainingRunId, trainingId));
        Assert.Empty(panel.FindAll("[data-test=share-link]"));
        await panel.Find("button[data-test=share-create]").ClickAsync(new());

        Assert.Single(panel.FindAll("[data-test=share-link]"));
        Assert.Single(await links.ListAsync(SharedRunKind.Training, trainingId));
    }

    private async Task<int> SeedEvaluationAsync()
    {
        var training = RunRows.Training(RunRows.Extraction());
        var evaluation = new EvaluationRun { TrainingRun = training, ModelPath = "/runs/m.ckpt", OutputDirectory = "/runs/evaluation-1", Status = RunStatus.Completed, CreatedAt = RunRows.Start };
        await context.SeedAsync(db =>
        {
            db.EvaluationRuns.Add(evaluation);
            return Task.CompletedTask;
        });
        return evaluation.Id;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();
}
