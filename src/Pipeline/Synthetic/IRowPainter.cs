namespace TumorWeb.Pipeline.Synthetic;

/// <summary>Paints any band of rows of an image on demand; bands may be painted in parallel and in any order.</summary>
internal interface IRowPainter
{
    int Width { get; }
    int Height { get; }

    /// <summary>1 for grey, 3 for RGB.</summary>
    int Bands { get; }

    /// <summary>Paints rows [top, top + rows); row r starts at r * stride in <paramref name="destination"/>.</summary>
    void Paint(int top, int rows, Span<byte> destination, int stride);
}
