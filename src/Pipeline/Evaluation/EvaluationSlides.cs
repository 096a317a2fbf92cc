using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Inference;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Evaluation;

/// <summary>
/// The per-slide part of an evaluation: scores one slide as the CLI's heatmap does, writes its files
/// into the run's folder and saves its row. A slide that cannot be read is saved Failed with its
/// error and the others go on.
/// </summary>
internal sealed class EvaluationSlides(EvaluationCatalog catalog, EvaluationPlan plan, EvaluationRun run, LoadedModel model,
    IReadOnlyDictionary<int, DrawnAnnotations> drawnAnnotations)
{
    public async Task ScoreAsync(RegisteredSlide slide, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        var row = await RowAsync(slide, ct);
        SlideHeatmap heatmap;
        try
        {
            var options = new HeatmapOptions
            {
                Grid = plan.Grid, Tta = run.Tta, TrainingSlides = model.TrainingSlides, TrainingSlideHashes = model.TrainingSlideHashes, Stain = model.Stain,
                PatchMicrons = plan.Training.ExtractionRun?.PatchMicrons,
            };
            heatmap = drawnAnnotations.TryGetValue(slide.Id, out var drawn)
                ? await SlideHeatmapper.RunAsync(slide.SlidePath, drawn, model.Classifier, options, progress, ct)
                : await SlideHeatmapper.RunAsync(slide.SlidePath, slide.MaskPath, slide.MaskPath is null ? slide.AnnotationPath : null,
                    model.Classifier, options, progress, ct);
        }
        catch (Exception e) when (e is SlideException or AnnotationException or IOException or InvalidDataException or ArgumentException)
        {
            (row.Status, row.Error) = (SlideStatus.Failed, e.Message);
            await catalog.SaveSlideAsync(row);
            return;
        }
        // Outside the slide's catch: a full disk or a blocked folder is the job's failure, not the slide's, so the job fails and resumes.
        WriteHeatmap(heatmap, row);
        await catalog.SaveSlideAsync(row);
    }

    private void WriteHeatmap(SlideHeatmap heatmap, EvaluationSlide row)
    {
        try
        {
            var (files, summary) = HeatmapWriter.Write(heatmap, run.OutputDirectory);
            row.HeatmapDirectory = files.Folder;
            (row.Auc, row.AucTissue, row.TumorCells) = (summary.Auc, summary.AucTissue, summary.TumorCells);
            row.MaxScore = heatmap.Probabilities.Length == 0 ? 0 : heatmap.Probabilities.Max();
            (row.Status, row.Error) = (SlideStatus.Completed, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{row.HeatmapDirectory}: the heatmap of {row.Name} cannot be written: {e.Message}", e);
        }
    }

    private async Task<EvaluationSlide> RowAsync(RegisteredSlide slide, CancellationToken ct)
    {
        var row = await catalog.SlideRowAsync(run.Id, slide.SlidePath, ct);
        row.Name = slide.Name;
        row.UsedInTraining = plan.UsedInTraining(slide);
        row.AnnotationsHash = drawnAnnotations.GetValueOrDefault(slide.Id)?.Hash;
        row.HeatmapDirectory = HeatmapFiles.For(run.OutputDirectory, Path.GetFileNameWithoutExtension(slide.SlidePath)).Folder;
        return row;
    }
}
