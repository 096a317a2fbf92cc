using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Pipeline.Stain;
using TumorWeb.Pipeline.Training;
using TumorWeb.Web.Features.Api;

namespace TumorWeb.Web.Features.Runs;

/// <summary>
/// /api/training: training runs, one run with its last validation point and checkpoints, its curve
/// points, and a picture of its stain reference region.
/// </summary>
public static class TrainingApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/training", async (IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await db.TrainingRuns.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(ct);
            return Results.Ok(rows.Select(TrainingView.From));
        });
        api.MapGet("/training/{id:int}", async (int id, IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await db.TrainingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } run)
                return ApiResults.NotFound($"training run {id} does not exist");
            var last = await db.TrainingMetrics.AsNoTracking().Where(m => m.TrainingRunId == id && m.Phase == TrainingPhase.Validation)
                .OrderByDescending(m => m.Epoch).FirstOrDefaultAsync(ct);
            return Results.Ok(new TrainingDetailView(TrainingView.From(run), last is null ? null : MetricView.From(last), CheckpointNames(run.OutputDirectory)));
        });
        api.MapGet("/training/{id:int}/metrics", async (int id, IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!await db.TrainingRuns.AnyAsync(r => r.Id == id, ct)) return ApiResults.NotFound($"training run {id} does not exist");
            var rows = await db.TrainingMetrics.AsNoTracking().Where(m => m.TrainingRunId == id).OrderBy(m => m.Step).ThenBy(m => m.Phase).ToListAsync(ct);
            return Results.Ok(rows.Select(MetricView.From));
        });
        api.MapGet("/training/{id:int}/stain-reference.png", async (int id, IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await db.TrainingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } run)
                return ApiResults.NotFound($"training run {id} does not exist");
            if (TrainingHyperparameters.FromJson(run.Hyperparameters).StainReference is not { } spec)
                return ApiResults.NotFound($"training run {id} has no stain reference region");
            try
            {
                var picture = await Task.Run(() => SlideStains.Thumbnail(StainReferenceRegion.Parse(spec), StainReferenceSide), ct);
                return Results.File(PatchPng.Encode(picture), "image/png");
            }
            catch (Exception e) when (e is SlideException or ArgumentException or IOException)
            {
                return ApiResults.NotFound(e.Message);
            }
        });
    }

    /// <summary>About this many pixels across: a thumbnail on the run page.</summary>
    public const int StainReferenceSide = 256;

    private static List<string> CheckpointNames(string runDirectory)
    {
        var folder = Path.Combine(runDirectory, Checkpoints.Folder);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*" + Checkpoints.Extension).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList()
            : [];
    }
}
