namespace TumorWeb.Pipeline.Synthetic;

/// <summary>The tumor mask, CAMELYON style: 255 where a pixel centre lies in a tumor polygon, 0 elsewhere.</summary>
internal sealed class MaskPainter(int width, int height, IReadOnlyList<SynthPolygon> tumors) : IRowPainter
{
    public const byte Tumor = 255;

    public int Width => width;
    public int Height => height;
    public int Bands => 1;

    public void Paint(int top, int rows, Span<byte> destination, int stride)
    {
        for (var r = 0; r < rows; r++)
        {
            var row = destination.Slice(r * stride, width);
            row.Clear();
            PolygonRasterizer.FillRow(tumors, top + r, row, Tumor);
        }
    }
}
