using Microsoft.Win32.SafeHandles;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Grid.TiffTiles;

/// <summary>One scan worker's buffers: the compressed bytes of its current tile and the tile's decoded pixels.</summary>
internal sealed class TileWorker(int rawCapacity)
{
    private readonly byte[] _raw = new byte[rawCapacity];

    public ReusableBuffer Pixels { get; } = new();

    /// <summary>Reads a tile's compressed bytes into this worker's buffer; the key is valid until the next read.</summary>
    public RawTileKey ReadRaw(SafeFileHandle file, string path, int tile, long offset, int length, int clipWidth, int clipHeight)
    {
        var destination = _raw.AsSpan(0, length);
        for (var done = 0; done < length;)
        {
            var read = RandomAccess.Read(file, destination[done..], offset + done);
            if (read == 0) throw new SlideException(path, $"tile {tile} is cut short: the file ended while reading it");
            done += read;
        }
        return new RawTileKey(_raw, length, clipWidth, clipHeight);
    }
}
