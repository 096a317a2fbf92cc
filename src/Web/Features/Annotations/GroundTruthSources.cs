using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Annotations;

/// <summary>Where a slide's ground truth comes from, in the words the dataset page and the API use.</summary>
public static class GroundTruthSources
{
    /// <summary>The API's names: the regions drawn in the app, or the files beside the slide.</summary>
    public const string App = "app";
    public const string Files = "files";

    /// <summary>"mask", "XML annotations", "GeoJSON annotations", "app annotations" or "none".</summary>
    public static string Describe(RegisteredSlide slide) =>
        slide.UseAppAnnotations ? "app annotations"
        : slide.MaskPath is not null ? "mask"
        : slide.AnnotationPath is { } path ? (Pipeline.Grid.Annotations.AnnotationFiles.IsGeoJson(path) ? "GeoJSON annotations" : "XML annotations")
        : "none";
}
