using System.Text.Json;
using TumorWeb.Pipeline.DeepZoom;
using TumorWeb.Pipeline.Grid;

namespace TumorWeb.Web.Features.Viewer;

/// <summary>
/// The ground-truth outline the viewer draws: <c>{"cellSize", "gridWidth", "gridHeight", "segments": [[x0, y0, x1, y1], ...]}</c>,
/// segments in grid cell units (multiply by cellSize for level-0 pixels).
/// </summary>
public static class OutlineJson
{
    public static byte[] Serialize(CellMask mask, int cellSize) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        cellSize,
        gridWidth = mask.Width,
        gridHeight = mask.Height,
        segments = CellOutline.Segments(mask).Select(s => new[] { s.X0, s.Y0, s.X1, s.Y1 }),
    });
}
