namespace TumorWeb.Pipeline.Evaluation;

/// <summary>What an evaluation run scores: a training run's furthest checkpoint on chosen slides of a registered dataset.</summary>
public sealed record EvaluationRunOptions
{
    public required int TrainingRunId { get; init; }
    public required int DatasetId { get; init; }

    /// <summary>Registered slides of the dataset; every one must still be there.</summary>
    public required IReadOnlyList<int> SlideIds { get; init; }

    /// <summary>The run's folder, made by the caller: a heatmap per slide goes under it, and a run already made in it is resumed.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Test-time augmentation of the scoring: 1, 4 or 8 dihedral transforms per patch (<see cref="Inference.Symmetry.TestTimeAugmentation"/>).</summary>
    public int Tta { get; init; } = Inference.Symmetry.TestTimeAugmentation.None;

    /// <summary>
    /// Ground truth drawn in the web app, by registered slide id, for the slides that use it instead of
    /// their mask or annotation file.
    /// </summary>
    public IReadOnlyDictionary<int, Grid.Annotations.DrawnAnnotations> DrawnAnnotations { get; init; } =
        new Dictionary<int, Grid.Annotations.DrawnAnnotations>();

    /// <summary>Most pixels tissue detection may decode per slide (<see cref="Grid.GridOptions.MaxTissuePixels"/>).</summary>
    public long MaxTissuePixels { get; init; } = Grid.GridOptions.DefaultMaxTissuePixels;
}
