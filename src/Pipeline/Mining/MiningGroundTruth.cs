using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Pipeline.Mining;

/// <summary>
/// Which ground truth mining builds a training slide's grid from: the regions drawn in the app when its extraction
/// took them (the slide's <see cref="RunSlide.AnnotationsHash"/>), else its files. Mined against anything else, drawn
/// tumour could come back as a "normal" hard negative.
/// </summary>
public static class MiningGroundTruth
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the run and the first slide whose drawn regions are missing or changed. Every
    /// slide is checked, not only the mined ones: the derived run copies the slides' ground truth as the source recorded it.
    /// </summary>
    /// <param name="drawn">The app's regions now, by slide name; null where the caller has none (the CLI).</param>
    public static void EnsureUnchanged(ExtractionRun source, IReadOnlyDictionary<string, DrawnAnnotations>? drawn)
    {
        foreach (var slide in source.Slides.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var now = drawn?.GetValueOrDefault(slide.Name)?.Hash;
            if (slide.AnnotationsHash == now) continue;
            Settings.Require(drawn is not null,
                $"{source.OutputDirectory}: extraction run {source.Id} took the ground truth of slide {slide.Name} from regions drawn in the app; " +
                "mining needs those regions, so mine this run from the app or its API, not the CLI");
            Settings.Require(false,
                $"{source.OutputDirectory}: the ground truth of slide {slide.Name} changed since extraction run {source.Id} " +
                $"(drawn annotations {slide.AnnotationsHash ?? "not used"} then, {now ?? "not used"} now); extract again before mining");
        }
    }

    /// <summary>The drawn regions the slide's grid is built from, or null when its files are its ground truth.</summary>
    public static DrawnAnnotations? DrawnOf(RunSlide slide, IReadOnlyDictionary<string, DrawnAnnotations>? drawn) =>
        slide.AnnotationsHash is null ? null : drawn![slide.Name];
}
