using System.Diagnostics;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Grid;

/// <summary>The grid stage: slide (+ mask or annotations) -> tissue, tumor and normal cells.</summary>
public static class SlideGridBuilder
{
    public static SlideGrid Build(ISlide slide, ISlide? mask, SlideAnnotations? annotations, GridOptions options,
        IProgress<StageProgress>? progress, CancellationToken ct)
    {
        options.Validate();
        options = options.ForSlide(slide.Metadata);
        if (mask is not null && annotations is not null)
            throw new ArgumentException("give tumor labels as a mask or as annotations, not both");
        var metadata = slide.Metadata;
        if (mask is not null) EnsureSameSize(metadata, mask.Metadata);

        var clock = Stopwatch.StartNew();
        var thumbnail = GridThumbnail.Read(slide, options.CellSize, options.MaxTissuePixels, options.MaxDegreeOfParallelism, progress, ct);
        var tissue = TissueDetector.Detect(thumbnail, options.MinTissueArea);
        if (tissue.Count == 0)
            throw new SlideException(metadata.Path, "no tissue found (no cell is more saturated than the glass around it)");
        var tissueSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var (tumor, maskScan) = TumorCells(metadata, mask, annotations, options, progress, ct);
        var timings = new SlideGridTimings(tissueSeconds, clock.Elapsed.TotalSeconds);
        var normal = tissue.Except(tumor);

        var stats = new SlideGridStats(tissue.Width, tissue.Height, options.CellSize, tissue.Count, tumor.Count, normal.Count);
        var role = stats.TumorCells >= options.TumorSlideThreshold ? SlideRole.Tumor : SlideRole.Normal;
        return new SlideGrid(metadata.Path, metadata.Width, metadata.Height, thumbnail, tissue, tumor, normal, stats, role, timings, maskScan);
    }

    private static (CellMask Tumor, MaskScanStats? MaskScan) TumorCells(SlideMetadata slide, ISlide? mask, SlideAnnotations? annotations,
        GridOptions options, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        if (mask is not null)
        {
            var scan = MaskTumorScan.Scan(mask, options, progress, ct);
            return (scan.Tumor, scan.Stats);
        }
        if (annotations is not null)
            return (AnnotationRasterizer.TumorCells(annotations, slide.Width, slide.Height, options.CellSize, progress, ct), null);
        return (new CellMask(AnalysisGrid.Size(slide.Width, slide.Height, options.CellSize)), null);
    }

    private static void EnsureSameSize(SlideMetadata slide, SlideMetadata mask)
    {
        if (slide.Width != mask.Width || slide.Height != mask.Height)
            throw new SlideException(mask.Path,
                $"mask is {mask.Width}x{mask.Height} at level 0 but slide {slide.Path} is {slide.Width}x{slide.Height}");
    }
}
