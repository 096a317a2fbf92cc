using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Progress;

namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// Writes a CAMELYON-style dataset of synthetic H&amp;E slides: for each slide <c>name.tif</c>
/// (pyramidal JPEG TIFF), <c>name_mask.tif</c> (255 = tumor) and <c>name.xml</c> (ASAP polygons).
/// The same options always give the same pixels and polygons.
/// </summary>
public static class SyntheticSlideGenerator
{
    public static IReadOnlyList<SyntheticSlide> Generate(SynthOptions options, IProgress<StageProgress>? progress = null, CancellationToken ct = default)
    {
        options.Validate();
        OutputFolder.Prepare(options.OutputDirectory);
        var names = SlideNames.For(options.TumorSlides, options.NormalSlides);
        var tracker = new RowProgress(progress, 2L * names.Count * options.Height);
        var slides = new List<SyntheticSlide>();
        foreach (var (name, hasTumor) in names)
        {
            ct.ThrowIfCancellationRequested();
            slides.Add(GenerateOne(options, name, hasTumor, tracker, ct));
        }
        tracker.Finish();
        return slides;
    }

    private static SyntheticSlide GenerateOne(SynthOptions options, string name, bool hasTumor, RowProgress tracker, CancellationToken ct)
    {
        var recipe = SlideRecipe.Create(options.Seed, name, hasTumor, options.Width, options.Height, options.StainShift);
        var folder = Path.GetFullPath(options.OutputDirectory);
        var slide = new SyntheticSlide(name, Path.Combine(folder, name + ".tif"), Path.Combine(folder, name + "_mask.tif"),
            Path.Combine(folder, name + ".xml"), options.Width, options.Height, hasTumor, recipe.Tumors);
        var painter = new BlurredPainter(new SlidePainter(recipe), recipe.Palette.BlurSigma);
        PyramidTiff.SaveSlide(painter, slide.SlidePath, options.Mpp, rows => tracker.Add(rows, "slide", name), ct);
        PyramidTiff.SaveMask(new MaskPainter(options.Width, options.Height, recipe.Tumors), slide.MaskPath, options.Mpp, rows => tracker.Add(rows, "mask", name), ct);
        AsapXmlAnnotationWriter.Write(slide.AnnotationPath, recipe.Tumors.Select(AsTumorFeature));
        return slide;
    }

    private static AnnotationFeature AsTumorFeature(SynthPolygon tumor) =>
        new(new Polygon(tumor.Points.Select(p => new PointD(p.X, p.Y)).ToList()), AnnotationRole.Tumor);
}
