using System.Collections.Concurrent;

namespace TumorWeb.Pipeline.Grid.TiffTiles;

/// <summary>
/// Compressed tiles already decoded whose pixels were all background or all tumor, shared by the
/// scan's workers. Memory stays bounded: larger tiles are never kept, and keeping stops at a budget
/// (the scan stays exact either way, it only decodes more).
/// </summary>
internal sealed class KnownTiles(int tileWidth, int tileHeight)
{
    public const int MaxTileBytes = 256 * 1024;
    private const long MaxTotalBytes = 64L << 20;
    private const int EntryOverheadBytes = 64;

    private readonly ConcurrentDictionary<RawTileKey, TileVerdict> _verdicts = new();
    private long _keptBytes;

    public bool TryGet(RawTileKey key, out TileVerdict verdict) =>
        // A verdict learnt on a whole tile holds for any clip of a tile with the same bytes: the
        // clip is its top-left part, and identical bytes decode to identical pixels.
        _verdicts.TryGetValue(key.WithClip(tileWidth, tileHeight), out verdict)
        || (key.ClipWidth != tileWidth || key.ClipHeight != tileHeight) && _verdicts.TryGetValue(key, out verdict);

    public void Remember(RawTileKey key, TileVerdict verdict)
    {
        if (verdict == TileVerdict.Mixed || key.Length > MaxTileBytes) return;
        if (Interlocked.Add(ref _keptBytes, key.Length + EntryOverheadBytes) > MaxTotalBytes) return;
        _verdicts.TryAdd(key.Detach(), verdict);
    }
}
