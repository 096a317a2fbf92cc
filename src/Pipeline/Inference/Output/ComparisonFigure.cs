using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Inference.Output;

/// <summary>
/// The seed's comparison figure: "GROUND TRUTH" (the tumor mask in jet over the thumbnail) on the
/// left, "PREDICTED HEATMAP" (the probabilities in jet over the thumbnail) on the right, on white,
/// each cell enlarged to a <c>zoom x zoom</c> square.
/// </summary>
public static class ComparisonFigure
{
    public const int Margin = 8;
    public const int Gap = 16;
    public const int TitleScale = 2;
    public const string LeftTitle = "GROUND TRUTH";
    public const string RightTitle = "PREDICTED HEATMAP";

    private static readonly (byte R, byte G, byte B) Paper = (255, 255, 255);
    private static readonly (byte R, byte G, byte B) Ink = (0, 0, 0);

    /// <summary>Top of the panels: below the title line.</summary>
    public static int PanelTop => Margin + PixelFont.GlyphHeight * TitleScale + Margin;

    public static RgbImage Render(RgbImage thumbnail, IReadOnlyList<bool> tumor, IReadOnlyList<float> probabilities, int zoom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(zoom);
        var truth = HeatmapOverlay.Render(thumbnail, tumor.Select(t => t ? 1f : 0f).ToArray());
        var predicted = HeatmapOverlay.Render(thumbnail, probabilities);
        var (panelWidth, panelHeight) = (thumbnail.Width * zoom, thumbnail.Height * zoom);
        var rightLeft = Margin + panelWidth + Gap;
        var figure = RgbImage.Filled(rightLeft + panelWidth + Margin, PanelTop + panelHeight + Margin, Paper.R, Paper.G, Paper.B);
        PixelFont.Draw(figure, LeftTitle, Margin, Margin, TitleScale, Ink);
        PixelFont.Draw(figure, RightTitle, rightLeft, Margin, TitleScale, Ink);
        Paste(figure, truth, Margin, PanelTop, zoom);
        Paste(figure, predicted, rightLeft, PanelTop, zoom);
        return figure;
    }

    /// <summary>The figure of a scored grid, zoomed as the grid PNG is.</summary>
    public static RgbImage Render(SlideGrid grid, IReadOnlyList<float> probabilities) =>
        Render(grid.Thumbnail, CellFlags.Of(grid.Tumor), probabilities, GridPng.ScaleFor(grid.Thumbnail.Width));

    private static void Paste(RgbImage target, RgbImage source, int left, int top, int zoom)
    {
        for (var y = 0; y < source.Height * zoom; y++)
        {
            var row = target.Pixels.AsSpan(((top + y) * target.Width + left) * 3, source.Width * zoom * 3);
            for (var x = 0; x < source.Width; x++)
            {
                var (r, g, b) = source[x, y / zoom];
                for (var dx = 0; dx < zoom; dx++)
                {
                    var i = (x * zoom + dx) * 3;
                    (row[i], row[i + 1], row[i + 2]) = (r, g, b);
                }
            }
        }
    }
}
