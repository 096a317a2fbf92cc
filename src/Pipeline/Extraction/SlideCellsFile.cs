using System.Text.Json;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Sampling;

namespace TumorWeb.Pipeline.Extraction;

/// <summary>
/// One slide's grid as the plan needs it, saved in the run's folder (grids/&lt;slide&gt;.json) by the
/// slide's grid step, so the grids of one run can be built on several machines and the plan drawn
/// from all of them afterwards. Cells are row-major indices into the grid, in ascending order.
/// </summary>
public static class SlideCellsFile
{
    public const string Folder = "grids";

    /// <summary>The tumour and normal cells of a <paramref name="GridWidth"/> x <paramref name="GridHeight"/> grid, as row-major indices.</summary>
    public sealed record Content(string Slide, int GridWidth, int GridHeight, int[] Tumor, int[] Normal)
    {
        public IReadOnlyList<GridCell> TumorCells => Cells(Tumor);
        public IReadOnlyList<GridCell> NormalCells => Cells(Normal);

        private List<GridCell> Cells(int[] indices) => indices.Select(i => new GridCell(i % GridWidth, i / GridWidth)).ToList();
    }

    public static string PathIn(string outputDirectory, string slide) => Path.Combine(outputDirectory, Folder, slide + ".json");

    public static Content From(string slide, SlideGrid grid) =>
        new(slide, grid.Tumor.Width, grid.Tumor.Height, Indices(grid.Tumor), Indices(grid.Normal));

    /// <summary>Written to a temporary name and moved into place, so a reader never sees half a grid.</summary>
    public static void Write(string outputDirectory, Content content)
    {
        var path = PathIn(outputDirectory, content.Slide);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(content));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A slide whose grid failed has no grid file: an older one must not stand in for it.</summary>
    public static void Delete(string outputDirectory, string slide)
    {
        var path = PathIn(outputDirectory, slide);
        if (File.Exists(path)) File.Delete(path);
    }

    /// <exception cref="InvalidOperationException">The slide has no grid yet, or the file is not one.</exception>
    public static Content Read(string outputDirectory, string slide)
    {
        var path = PathIn(outputDirectory, slide);
        if (!File.Exists(path)) throw new InvalidOperationException($"{path}: slide {slide} has no grid yet; its grid step must run first");
        try
        {
            var content = JsonSerializer.Deserialize<Content>(File.ReadAllBytes(path)) ?? throw new JsonException("empty");
            if (content.Slide != slide || content.GridWidth <= 0 || content.GridHeight <= 0)
                throw new JsonException($"it names slide {content.Slide} with a {content.GridWidth}x{content.GridHeight} grid");
            var cells = (long)content.GridWidth * content.GridHeight;
            if (content.Tumor.Concat(content.Normal).Any(i => i < 0 || i >= cells)) throw new JsonException("a cell lies outside the grid");
            return content;
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path}: not a slide's grid: {e.Message}", e);
        }
    }

    private static int[] Indices(CellMask mask) => mask.Cells().Select(c => c.Y * mask.Width + c.X).ToArray();
}
