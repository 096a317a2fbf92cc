using TumorWeb.Web.Features.Jobs;

namespace TumorWeb.Web.Components.Pages.Training;

/// <summary>The training form's fields; an empty batch size or learning rate takes the preset's default.</summary>
public sealed class TrainingFormModel
{
    private static readonly TrainingJobParameters Defaults = new(0);

    public int? ExtractionRunId { get; set; }
    public string Preset { get; set; } = Defaults.Preset;
    public int Epochs { get; set; } = Defaults.Epochs;
    public int? BatchSize { get; set; }
    public double? LearningRate { get; set; }
    public int Seed { get; set; } = Defaults.Seed;
    public string ColorAugment { get; set; } = Defaults.ColorAugment;
    public string StainNormalize { get; set; } = Defaults.StainNormalize;

    /// <summary>"slide@x,y,w,h", filled in by the viewer's "use this view as reference"; empty takes the training slides' median.</summary>
    public string? StainReference { get; set; }

    public TrainingJobParameters ToParameters() =>
        new(ExtractionRunId ?? throw new ArgumentException("choose an extraction run"), Preset, Epochs, BatchSize, LearningRate, Seed,
            ColorAugment, StainNormalize, string.IsNullOrWhiteSpace(StainReference) ? null : StainReference.Trim());
}
