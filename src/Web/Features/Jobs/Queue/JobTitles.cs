using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;

namespace TumorWeb.Web.Features.Jobs.Queue;

/// <summary>
/// A job's title in the words a lab uses: "Extraction of Demo (seed 1)", "Training tiny on Demo",
/// "Evaluation of training #2 (tiny) on Demo", not ids. Null when the names cannot be found.
/// </summary>
internal static class JobTitles
{
    public static async Task<string?> ForAsync(TumorWebDbContext db, JobRequest request, CancellationToken ct) => request.Parameters switch
    {
        ExtractionJobParameters p => await DatasetNameAsync(db, p.DatasetId, ct) is { } dataset ? $"Extraction of {dataset} (seed {p.Seed})" : null,
        TrainingJobParameters p => await ExtractionSourceAsync(db, p.ExtractionRunId, ct) is { } source ? $"Training {p.Preset} on {source}" : null,
        EvaluationJobParameters p => await DatasetNameAsync(db, p.DatasetId, ct) is { } dataset
            ? $"Evaluation of training #{p.TrainingRunId}{await PresetAsync(db, p.TrainingRunId, ct)} on {dataset}"
            : null,
        MiningJobParameters p => await ExtractionSourceAsync(db, p.ExtractionRunId, ct) is { } source
            ? $"Hard negatives: top {p.Top} from training #{p.TrainingRunId}{await PresetAsync(db, p.TrainingRunId, ct)} on {source} (extraction #{p.ExtractionRunId})"
            : null,
        _ => null,
    };

    private static Task<string?> DatasetNameAsync(TumorWebDbContext db, int id, CancellationToken ct) =>
        db.Datasets.Where(d => d.Id == id).Select(d => d.Name).SingleOrDefaultAsync(ct);

    /// <summary>The dataset an extraction was made from, or its folder's name for one made by the command line.</summary>
    private static async Task<string?> ExtractionSourceAsync(TumorWebDbContext db, int extractionId, CancellationToken ct)
    {
        var run = await db.ExtractionRuns.Where(r => r.Id == extractionId).Select(r => new { r.DatasetId, r.Name }).SingleOrDefaultAsync(ct);
        if (run is null) return null;
        return run.DatasetId is { } id && await DatasetNameAsync(db, id, ct) is { } dataset ? dataset : run.Name;
    }

    private static async Task<string> PresetAsync(TumorWebDbContext db, int trainingId, CancellationToken ct) =>
        await db.TrainingRuns.Where(r => r.Id == trainingId).Select(r => r.Preset).SingleOrDefaultAsync(ct) is { } preset ? $" ({preset})" : "";
}
