using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>
/// One slide's cell and context patch in level-0 pixels: the options' pixel sizes, or their sizes
/// in microns at this slide's resolution.
/// </summary>
internal readonly record struct PatchGeometry(int CellSize, int ContextPixels)
{
    /// <exception cref="SlideException">Microns were asked for and the slide's resolution is unknown.</exception>
    public static PatchGeometry Of(SlideMetadata slide, ExtractionOptions options) => new(
        options.Grid.ForSlide(slide).CellSize,
        options.PatchMicrons is { } microns ? PhysicalSize.Pixels(microns, SlideResolution.Require(slide, options.Grid.Mpp)) : options.PatchSize);
}
