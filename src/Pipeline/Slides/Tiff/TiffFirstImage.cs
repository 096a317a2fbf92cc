namespace TumorWeb.Pipeline.Slides.Tiff;

/// <summary>
/// Reads where the tiles of a TIFF's first image (directory 0) lie, for classic TIFF and BigTIFF in
/// either byte order. Only the few tags that locate tiles are read; pixels are never decoded here.
/// </summary>
public static class TiffFirstImage
{
    private const ushort ImageWidth = 256, ImageLength = 257, Compression = 259, PlanarConfiguration = 284;
    private const ushort TileWidth = 322, TileLength = 323, TileOffsets = 324, TileByteCounts = 325;
    private const long MaxTilePixels = 1L << 26;

    /// <summary>
    /// The tiles of directory 0, or why there are none to use (not a TIFF, stored in strips, a tag
    /// missing, one plane per channel). A TIFF whose directory 0 contradicts itself or the file's
    /// length throws <see cref="SlideException"/> naming the file: call this only on files OpenSlide
    /// has already opened, so a broken directory is an error rather than a different format.
    /// </summary>
    public static TiffTileProbe ReadTiles(string path)
    {
        using var handle = OpenOrNull(path, out var openError);
        if (handle is null) return TiffTileProbe.Skip($"cannot open the file: {openError}");
        var file = new TiffFile(handle, path);
        var header = TiffHeader.Read(file);
        if (header is null) return TiffTileProbe.Skip("not a TIFF file");
        return Tiles(file, header.Order, TiffDirectory.Read(file, header));
    }

    private static TiffTileProbe Tiles(TiffFile file, TiffByteOrder order, IReadOnlyDictionary<ushort, TiffEntry> entries)
    {
        if (!entries.ContainsKey(TileWidth) || !entries.ContainsKey(TileLength) || !entries.ContainsKey(TileOffsets))
            return TiffTileProbe.Skip("the first image is stored in strips, not tiles");
        foreach (var (tag, name) in new[] { (ImageWidth, "ImageWidth"), (ImageLength, "ImageLength"), (TileByteCounts, "TileByteCounts") })
            if (!entries.ContainsKey(tag)) return TiffTileProbe.Skip($"the first image has no {name} tag");

        var planar = entries.TryGetValue(PlanarConfiguration, out var planarEntry) ? planarEntry.Single(file, order, "PlanarConfiguration") : 1;
        if (planar == 2) return TiffTileProbe.Skip("the first image stores each channel in its own plane");
        if (planar != 1) throw file.Inconsistent($"PlanarConfiguration is {planar}, not 1 or 2");

        var width = Positive(file, order, entries[ImageWidth], "ImageWidth");
        var height = Positive(file, order, entries[ImageLength], "ImageLength");
        var tileWidth = Positive(file, order, entries[TileWidth], "TileWidth");
        var tileHeight = Positive(file, order, entries[TileLength], "TileLength");
        if (tileWidth * tileHeight > MaxTilePixels) return TiffTileProbe.Skip($"tiles of {tileWidth}x{tileHeight} are too large to read one at a time");
        var compression = entries.TryGetValue(Compression, out var compressionEntry) ? compressionEntry.Single(file, order, "Compression") : 1;

        var expected = (long)TiffTileIndex.TilesCovering(width, (int)tileWidth) * TiffTileIndex.TilesCovering(height, (int)tileHeight);
        var offsets = TileTable(file, order, entries[TileOffsets], "TileOffsets", expected);
        var counts = TileTable(file, order, entries[TileByteCounts], "TileByteCounts", expected);
        EnsureTilesInsideFile(file, offsets, counts);
        return TiffTileProbe.Found(new TiffTileIndex(width, height, (int)tileWidth, (int)tileHeight, (int)compression, offsets, counts));
    }

    private static long Positive(TiffFile file, TiffByteOrder order, TiffEntry entry, string name)
    {
        var value = entry.Single(file, order, name);
        return value is > 0 and <= int.MaxValue ? value : throw file.Inconsistent($"{name} is {value}");
    }

    private static long[] TileTable(TiffFile file, TiffByteOrder order, TiffEntry entry, string name, long expected)
    {
        if (entry.Count != (ulong)expected)
            throw file.Inconsistent($"{name} has {entry.Count} values but the image has {expected} tiles");
        return entry.Integers(file, order, name);
    }

    private static void EnsureTilesInsideFile(TiffFile file, long[] offsets, long[] counts)
    {
        for (var i = 0; i < offsets.Length; i++)
            if (counts[i] > 0 && offsets[i] > file.Length - counts[i])
                throw file.Inconsistent($"tile {i} ({counts[i]} bytes at offset {offsets[i]}) lies past the end of the file ({file.Length} bytes)");
    }

    private static Microsoft.Win32.SafeHandles.SafeFileHandle? OpenOrNull(string path, out string? error)
    {
        try
        {
            error = null;
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e.Message;
            return null;
        }
    }
}
