using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Compression;

namespace TumorWeb.Pipeline.Synthetic.Png;

/// <summary>
/// A read-only, forward-only PNG of a painted image, produced strip by strip as it is read: a
/// background thread paints the next strips (bands in parallel) while libvips consumes this one,
/// so memory holds a few strips, never the image. Deflate runs at level 0 ("stored"): libvips
/// reads it back at memory speed and the data only travels from this process into libvips.
/// </summary>
internal sealed class PngRowStream : Stream
{
    private const int StripBytes = 8 << 20;
    private const int BandRows = 32;
    private const int PiecesAhead = 2;

    // Bands painted at once are capped by memory, not only by cores: each holds this many bytes
    // per pixel (the slide painter's float layers and the blur's sharp copy), and a band of a
    // 100,000-pixel-wide slide is 3.2 million pixels.
    private const long PaintingBudget = 64L << 20;
    private const int PainterBytesPerPixel = 12;

    private readonly IRowPainter _painter;
    private readonly Action<int> _rowsDone;
    private readonly CancellationTokenSource _stop;
    private readonly BlockingCollection<Piece> _pieces = new(PiecesAhead);
    private readonly Task _producer;
    private Piece _current = new([], 0, false);
    private int _position;

    public PngRowStream(IRowPainter painter, Action<int> rowsDone, CancellationToken ct)
    {
        (_painter, _rowsDone) = (painter, rowsDone);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _producer = Task.Factory.StartNew(Produce, TaskCreationOptions.LongRunning);
    }

    /// <summary>Why production stopped early, if it did: libvips only sees a failed read.</summary>
    public Exception? Failure { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_position == _current.Length)
        {
            _current.Release();
            if (!_pieces.TryTake(out _current, Timeout.Infinite))
            {
                _current = new Piece([], 0, false);
                if (Failure is not null) throw new IOException("the slide painter failed", Failure);
                return 0;
            }
            _position = 0;
        }
        var n = Math.Min(buffer.Length, _current.Length - _position);
        _current.Bytes.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    private void Produce()
    {
        try
        {
            var header = PngChunks.Header(_painter.Width, _painter.Height, _painter.Bands);
            Add(new Piece(header, header.Length, false));
            ProduceStrips(_stop.Token);
        }
        catch (Exception e)
        {
            Failure = e;
        }
        finally
        {
            _pieces.CompleteAdding();
        }
    }

    private void ProduceStrips(CancellationToken ct)
    {
        var stride = _painter.Width * _painter.Bands + 1;
        var bandBytes = (long)BandRows * _painter.Width * PainterBytesPerPixel;
        var parallelBands = (int)Math.Clamp(PaintingBudget / bandBytes, 1, Environment.ProcessorCount);
        var stripRows = Math.Max(BandRows * parallelBands, StripBytes / stride / BandRows * BandRows);
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.NoCompression, leaveOpen: true))
        {
            var strip = new byte[stripRows * stride];
            for (var top = 0; top < _painter.Height; top += stripRows)
            {
                var rows = Math.Min(stripRows, _painter.Height - top);
                PaintStrip(top, rows, strip, stride, parallelBands, ct);
                zlib.Write(strip, 0, rows * stride);
                zlib.Flush();
                AddChunk("IDAT", deflated);
                _rowsDone(rows);
            }
        }
        AddChunk("IDAT", deflated);
        AddChunk("IEND", deflated);
    }

    /// <summary>Bands of the strip in parallel; each row starts with PNG filter type 0 (none).</summary>
    private void PaintStrip(int top, int rows, byte[] strip, int stride, int parallelBands, CancellationToken ct)
    {
        var bands = (rows + BandRows - 1) / BandRows;
        var options = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = parallelBands };
        Parallel.For(0, bands, options, band =>
        {
            var first = band * BandRows;
            var count = Math.Min(BandRows, rows - first);
            for (var r = 0; r < count; r++) strip[(first + r) * stride] = 0;
            _painter.Paint(top + first, count, strip.AsSpan(first * stride + 1), stride);
        });
    }

    private void AddChunk(string type, MemoryStream data)
    {
        var chunk = PngChunks.Frame(type, data.GetBuffer().AsSpan(0, (int)data.Length), out var length);
        data.SetLength(0);
        Add(new Piece(chunk, length, true));
    }

    private void Add(Piece piece)
    {
        try
        {
            _pieces.Add(piece, _stop.Token);
        }
        catch
        {
            piece.Release();
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();
            while (_pieces.TryTake(out var piece)) piece.Release();
            _producer.Wait();
            while (_pieces.TryTake(out var piece)) piece.Release();
            _current.Release();
            _pieces.Dispose();
            _stop.Dispose();
        }
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private readonly record struct Piece(byte[] Bytes, int Length, bool Pooled)
    {
        public void Release()
        {
            if (Pooled) ArrayPool<byte>.Shared.Return(Bytes);
        }
    }
}
