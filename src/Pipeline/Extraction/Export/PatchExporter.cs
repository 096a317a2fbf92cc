using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Extraction.Export;

/// <summary>
/// Writes an extraction's patches in the seed's folder layout,
/// <c>patches/tumor|normal/{slide}_{x}_{y}.png</c>, for tools that expect one PNG per patch.
/// </summary>
public static class PatchExporter
{
    public static async Task<int> ExportAsync(IDbContextFactory<TumorWebDbContext> dbFactory, string extractionDirectory,
        string outputDirectory, DataSplit? split, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        var source = Path.GetFullPath(extractionDirectory);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.ExtractionRuns.SingleOrDefaultAsync(r => r.OutputDirectory == source, ct)
            ?? throw new InvalidDataException($"{source}: no extraction run is catalogued for this folder");
        var patches = await db.Patches.Where(p => p.ExtractionRunId == run.Id && (split == null || p.Split == split))
            .Select(p => new { Slide = p.RunSlide!.Name, p.X, p.Y, p.Label, p.Shard, p.Offset, p.Length })
            .ToListAsync(ct);
        foreach (var label in Enum.GetValues<PatchLabel>())
            Directory.CreateDirectory(Path.Combine(outputDirectory, "patches", FolderOf(label)));
        using var reader = new PatchPackReader(source);
        var counter = new ProgressCounter("export", patches.Count, progress);
        Parallel.ForEach(patches, new ParallelOptions { CancellationToken = ct }, p =>
        {
            var image = reader.Read(new PatchLocation(p.Shard, p.Offset, p.Length));
            PngFile.Write(image, Path.Combine(outputDirectory, "patches", FolderOf(p.Label), $"{p.Slide}_{p.X}_{p.Y}.png"));
            counter.Add(1, p.Slide);
        });
        return patches.Count;
    }

    private static string FolderOf(PatchLabel label) => label == PatchLabel.Tumor ? "tumor" : "normal";
}
