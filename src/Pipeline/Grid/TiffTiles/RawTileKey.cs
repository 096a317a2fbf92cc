namespace TumorWeb.Pipeline.Grid.TiffTiles;

/// <summary>
/// A tile's compressed bytes and how much of it lies on the slide (its top-left ClipWidth x
/// ClipHeight pixels), compared by content. A key over a worker's buffer serves lookups only;
/// <see cref="Detach"/> copies the bytes so the key can be stored.
/// </summary>
internal readonly struct RawTileKey : IEquatable<RawTileKey>
{
    private readonly byte[] _bytes;
    private readonly int _bytesHash;

    public RawTileKey(byte[] bytes, int length, int clipWidth, int clipHeight)
        : this(bytes, length, BytesHash(bytes.AsSpan(0, length)), clipWidth, clipHeight)
    {
    }

    private RawTileKey(byte[] bytes, int length, int bytesHash, int clipWidth, int clipHeight)
    {
        _bytes = bytes;
        Length = length;
        _bytesHash = bytesHash;
        ClipWidth = clipWidth;
        ClipHeight = clipHeight;
    }

    public int Length { get; }
    public int ClipWidth { get; }
    public int ClipHeight { get; }

    private ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, Length);

    public RawTileKey WithClip(int clipWidth, int clipHeight) => new(_bytes, Length, _bytesHash, clipWidth, clipHeight);

    public RawTileKey Detach() => new(Bytes.ToArray(), Length, _bytesHash, ClipWidth, ClipHeight);

    public bool Equals(RawTileKey other) =>
        ClipWidth == other.ClipWidth && ClipHeight == other.ClipHeight && _bytesHash == other._bytesHash
        && Bytes.SequenceEqual(other.Bytes);

    public override bool Equals(object? obj) => obj is RawTileKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_bytesHash, ClipWidth, ClipHeight);

    private static int BytesHash(ReadOnlySpan<byte> bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }
}
