using Bunit;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Components.Pages.Compare;
using TumorWeb.Web.Components.Pages.Evaluations;
using TumorWeb.Web.Components.Pages.Extractions;
using TumorWeb.Web.Features.Jobs;

namespace TumorWeb.Web.Tests.Pages;

/// <summary>Where hard-negative mining and test-time augmentation show: extraction, evaluation and compare pages.</summary>
public sealed class MiningAndTtaPagesTests : IAsyncLifetime
{
    private readonly PagesTestContext context = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private async Task<(ExtractionRun Source, ExtractionRun Derived, TrainingRun Model)> SeedAsync()
    {
        var source = RunRows.Extraction();
        var model = RunRows.Training(source);
        model.Status = RunStatus.Completed;
        await context.SeedAsync(db => { db.TrainingRuns.Add(model); return Task.CompletedTask; });
        var derived = RunRows.Extraction("/runs/mining-3");
        (derived.DerivedFromRunId, derived.Derivation) = (source.Id, "hard negatives: top 50 from model tiny (training run 1, epoch-003.ckpt)");
        await context.SeedAsync(db => { db.ExtractionRuns.Add(derived); return Task.CompletedTask; });
        return (source, derived, model);
    }

    [Fact]
    public async Task DerivedRunSaysWhereItCameFromAndWhy()
    {
        var (source, derived, _) = await SeedAsync();

        var page = context.Render<ExtractionDetail>(p => p.Add(c => c.Id, derived.Id));

        page.WaitForAssertion(() => Assert.Contains("hard negatives: top 50 from model tiny", page.Find("[data-test=derivation]").TextContent));
        Assert.Equal($"extractions/{source.Id}", page.Find("[data-test=derivation] a").GetAttribute("href"));
        Assert.Empty(context.Render<ExtractionDetail>(p => p.Add(c => c.Id, source.Id)).FindAll("[data-test=derivation]"));
    }

    [Fact]
    public async Task MiningFormQueuesAMiningJobWithTheModelTrainedOnTheRun()
    {
        var (source, _, model) = await SeedAsync();

        var page = context.Render<ExtractionDetail>(p => p.Add(c => c.Id, source.Id));
        page.WaitForAssertion(() => page.Find("[data-test=mining-start]"));
        page.Find("[data-test=mining-start]").Click();

        page.WaitForAssertion(() => Assert.Single(context.Queue.Requests));
        Assert.Equal(JobKind.Mining, context.Queue.Requests[0].Kind);
        Assert.Equal(new MiningJobParameters(source.Id, model.Id, 100), context.Queue.Requests[0].Parameters);
    }

    [Fact]
    public async Task EvaluationPagesAndCompareShowWhetherTtaWasOn()
    {
        var (_, _, model) = await SeedAsync();
        var plain = new EvaluationRun { TrainingRunId = model.Id, ModelPath = "m.ckpt", OutputDirectory = context.TempDirectory, Status = RunStatus.Completed, CreatedAt = RunRows.Start, SlideAuc = 0.8 };
        var augmented = new EvaluationRun { TrainingRunId = model.Id, ModelPath = "m.ckpt", OutputDirectory = context.TempDirectory, Status = RunStatus.Completed, CreatedAt = RunRows.Start, SlideAuc = 0.9, Tta = 8 };
        await context.SeedAsync(db => { db.EvaluationRuns.AddRange(plain, augmented); return Task.CompletedTask; });

        var detail = context.Render<EvaluationDetail>(p => p.Add(c => c.Id, augmented.Id));
        detail.WaitForAssertion(() => Assert.Equal("TTA 8 (rotations and mirrors)", detail.Find("[data-test=tta]").TextContent));
        Assert.Equal("TTA off", context.Render<EvaluationDetail>(p => p.Add(c => c.Id, plain.Id)).Find("[data-test=tta]").TextContent);

        context.NavigateTo($"compare?runs={model.Id}");
        var compare = context.Render<Compare>();
        compare.WaitForAssertion(() => Assert.Contains("TTA 8 (rotations and mirrors) · slide AUC 0.900", compare.Find("[data-test=evaluations]").TextContent));
        Assert.Contains("TTA off · slide AUC 0.800", compare.Find("[data-test=evaluations]").TextContent);
    }
}
