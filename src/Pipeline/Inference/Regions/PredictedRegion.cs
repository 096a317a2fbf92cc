using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Pipeline.Inference.Regions;

/// <summary>
/// One predicted tumour region: its outline in level-0 pixels, how many cells it has, the highest
/// and mean probability of those cells, and its area in µm² when the slide knows its resolution.
/// </summary>
public sealed record PredictedRegion(Polygon Outline, int Cells, double MaxProbability, double MeanProbability, double? AreaMicrons2)
{
    /// <summary>The region as a QuPath "Tumor" annotation with its numbers as measurements.</summary>
    public AnnotationFeature ToFeature() => new(Outline, AnnotationRole.Tumor)
    {
        Measurements =
        [
            new("maxProbability", "Max probability", MaxProbability),
            new("meanProbability", "Mean probability", MeanProbability),
            new("cells", "Cells", Cells),
            .. AreaMicrons2 is { } area ? [new FeatureMeasurement("areaMicrons2", "Area µm^2", area)] : Array.Empty<FeatureMeasurement>(),
        ],
    };
}
