namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>
/// Regions drawn in the web app, handed to the pipeline in place of the slide's mask or annotation
/// file; <see cref="Hash"/> is what a run records of them.
/// </summary>
public sealed record DrawnAnnotations(SlideAnnotations Regions)
{
    public string Hash { get; } = AnnotationsHash.Of(Regions);
}
