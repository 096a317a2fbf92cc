using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// The scanner's optical blur: a separable 3-tap kernel [w, 1-2w, w] whose variance 2w matches a
/// Gaussian of the given sigma (up to about 0.7 pixels). Done here with SIMD because libvips'
/// gaussblur cost more than all the painting. Each band paints one extra row above and below.
/// </summary>
internal sealed class BlurredPainter : IRowPainter
{
    private readonly IRowPainter _inner;
    private readonly ushort _side;
    private readonly ushort _centre;

    public BlurredPainter(IRowPainter inner, double sigma)
    {
        _inner = inner;
        _side = (ushort)Math.Clamp(Math.Round(sigma * sigma / 2 * 256), 0, 85);
        _centre = (ushort)(256 - 2 * _side);
    }

    public int Width => _inner.Width;
    public int Height => _inner.Height;
    public int Bands => _inner.Bands;

    public void Paint(int top, int rows, Span<byte> destination, int stride)
    {
        var rowBytes = Width * Bands;
        var first = Math.Max(0, top - 1);
        var last = Math.Min(Height, top + rows + 1);
        var sharp = ArrayPool<byte>.Shared.Rent((last - first) * rowBytes);
        var vertical = ArrayPool<byte>.Shared.Rent(rowBytes);
        try
        {
            _inner.Paint(first, last - first, sharp, rowBytes);
            for (var r = 0; r < rows; r++)
            {
                var y = top + r;
                // Past the image edge the edge row stands in for its missing neighbour.
                var above = Row(sharp, Math.Max(first, y - 1) - first, rowBytes);
                var below = Row(sharp, Math.Min(last - 1, y + 1) - first, rowBytes);
                Mix(above, Row(sharp, y - first, rowBytes), below, vertical.AsSpan(0, rowBytes));
                BlurRow(vertical.AsSpan(0, rowBytes), destination.Slice(r * stride, rowBytes));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(sharp);
            ArrayPool<byte>.Shared.Return(vertical);
        }
    }

    private static ReadOnlySpan<byte> Row(byte[] rows, int index, int rowBytes) => rows.AsSpan(index * rowBytes, rowBytes);

    private void BlurRow(ReadOnlySpan<byte> row, Span<byte> destination)
    {
        var step = Bands;
        var inner = row.Length - 2 * step;
        Mix(row[..inner], row.Slice(step, inner), row.Slice(2 * step, inner), destination.Slice(step, inner));
        Mix(row[..step], row[..step], row.Slice(step, step), destination[..step]);
        var end = row.Length - step;
        Mix(row.Slice(end - step, step), row.Slice(end, step), row.Slice(end, step), destination.Slice(end, step));
    }

    /// <summary>destination = (a * side + b * centre + c * side) / 256, rounded; 16-bit lanes cannot overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Mix(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c, Span<byte> destination)
    {
        var side = new Vector<ushort>(_side);
        var centre = new Vector<ushort>(_centre);
        var half = new Vector<ushort>(128);
        var i = 0;
        for (; i <= destination.Length - Vector<byte>.Count; i += Vector<byte>.Count)
        {
            Vector.Widen(new Vector<byte>(a[i..]), out var aLow, out var aHigh);
            Vector.Widen(new Vector<byte>(b[i..]), out var bLow, out var bHigh);
            Vector.Widen(new Vector<byte>(c[i..]), out var cLow, out var cHigh);
            var low = Vector.ShiftRightLogical((aLow + cLow) * side + bLow * centre + half, 8);
            var high = Vector.ShiftRightLogical((aHigh + cHigh) * side + bHigh * centre + half, 8);
            Vector.Narrow(low, high).CopyTo(destination[i..]);
        }
        for (; i < destination.Length; i++)
            destination[i] = (byte)(((a[i] + c[i]) * _side + b[i] * _centre + 128) >> 8);
    }
}
