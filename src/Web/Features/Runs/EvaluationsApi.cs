using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Pipeline.Evaluation;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Web.Features.Api;

namespace TumorWeb.Web.Features.Runs;

/// <summary>
/// /api/evaluations: evaluations, one with its slides and report, and each slide's result files by a
/// fixed name. Files are found through the slide's row, never through a path from the request.
/// </summary>
public static class EvaluationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/evaluations", async (IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await db.EvaluationRuns.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(ct);
            return Results.Ok(rows.Select(EvaluationView.From));
        });
        api.MapGet("/evaluations/{id:int}", async (int id, IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await db.EvaluationRuns.AsNoTracking().Include(r => r.Slides).SingleOrDefaultAsync(r => r.Id == id, ct) is not { } run)
                return ApiResults.NotFound($"evaluation {id} does not exist");
            JsonElement? report = run.Report is null ? null : JsonDocument.Parse(run.Report).RootElement.Clone();
            return Results.Ok(new EvaluationDetailView(EvaluationView.From(run),
                run.Slides.OrderBy(s => s.Name, StringComparer.Ordinal).Select(EvaluationSlideView.From).ToList(), report));
        });
        api.MapGet("/evaluations/{id:int}/slides/{slideId:int}/roc", async (int id, int slideId, IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct) =>
        {
            var folder = await EvaluationSlideFiles.HeatmapFolderAsync(dbFactory, id, slideId, ct);
            if (folder is null) return ApiResults.NotFound($"evaluation {id} has no slide {slideId}");
            if (!File.Exists(new HeatmapFiles(folder).Summary)) return ApiResults.NotFound($"slide {slideId} of evaluation {id} has no heatmap yet");
            var heatmap = await Task.Run(() => HeatmapFolder.Read(folder), ct);
            if (heatmap.Cells.Tumor is null) return ApiResults.NotFound($"slide {slideId} of evaluation {id} has no ground truth, so no ROC curve");
            return Results.Ok(RocView.Of(heatmap.Cells, new EvaluationOptions().ChartPoints));
        });
        api.MapGet("/evaluations/{id:int}/slides/{slideId:int}/regions.geojson", (int id, int slideId, string? threshold,
            IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct) =>
            RegionsAsync(id, slideId, threshold, dbFactory, "geojson", ct));
        api.MapGet("/evaluations/{id:int}/slides/{slideId:int}/regions.xml", (int id, int slideId, string? threshold,
            IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct) =>
            RegionsAsync(id, slideId, threshold, dbFactory, "xml", ct));
        api.MapGet("/evaluations/{id:int}/slides/{slideId:int}/{file}", async (int id, int slideId, string file,
            IDbContextFactory<TumorWebDbContext> dbFactory, CancellationToken ct) =>
        {
            if (!EvaluationSlideFiles.ByName.TryGetValue(file, out var served))
                return ApiResults.NotFound($"no file '{file}': use one of {string.Join(", ", EvaluationSlideFiles.ByName.Keys)} or roc");
            var folder = await EvaluationSlideFiles.HeatmapFolderAsync(dbFactory, id, slideId, ct);
            if (folder is null) return ApiResults.NotFound($"evaluation {id} has no slide {slideId}");
            return EvaluationSlideFiles.Existing(folder, served) is { } path
                ? Results.File(path, served.ContentType, fileDownloadName: served.IsDownload ? file : null)
                : ApiResults.NotFound($"slide {slideId} of evaluation {id} has no {file} yet");
        });
    }

    /// <summary>The slide's predicted tumour regions at <c>?threshold=</c> (default 0.5), as QuPath GeoJSON or ASAP XML.</summary>
    private static async Task<IResult> RegionsAsync(int id, int slideId, string? thresholdText, IDbContextFactory<TumorWebDbContext> dbFactory,
        string format, CancellationToken ct)
    {
        if (EvaluationRegions.Threshold(thresholdText) is not { } threshold)
            return ApiResults.BadRequest($"threshold must be a number above 0 and at most 1, not '{thresholdText}'");
        var folder = await EvaluationSlideFiles.HeatmapFolderAsync(dbFactory, id, slideId, ct);
        if (folder is null) return ApiResults.NotFound($"evaluation {id} has no slide {slideId}");
        if (!File.Exists(new HeatmapFiles(folder).Summary)) return ApiResults.NotFound($"slide {slideId} of evaluation {id} has no heatmap yet");
        var regions = await Task.Run(() => EvaluationRegions.Of(folder, threshold), ct);
        var name = Path.GetFileName(folder);
        using var buffer = new MemoryStream();
        if (format == "geojson") GeoJsonAnnotationWriter.Write(buffer, regions.Select(r => r.ToFeature()));
        else AsapXmlAnnotationWriter.Write(buffer, regions.Select(r => r.ToFeature()));
        return format == "geojson"
            ? Results.File(buffer.ToArray(), "application/geo+json", $"{name}_regions.geojson")
            : Results.File(buffer.ToArray(), "application/xml", $"{name}_regions.xml");
    }
}
