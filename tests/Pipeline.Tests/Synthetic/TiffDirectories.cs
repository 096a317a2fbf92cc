using System.Buffers.Binary;

namespace TumorWeb.Pipeline.Tests.Synthetic;

/// <summary>
/// Reads the tags of every directory (pyramid level) of a little-endian classic TIFF: enough to
/// check tiling and compression, which neither libvips nor OpenSlide 3.4.1 report.
/// </summary>
public static class TiffDirectories
{
    public const int ImageWidth = 256, ImageLength = 257, Compression = 259, SamplesPerPixel = 277, TileWidth = 322, TileLength = 323, TileOffsets = 324, TileByteCounts = 325;
    public const int CompressionJpeg = 7, CompressionDeflate = 8, CompressionLzw = 5;

    public static IReadOnlyList<IReadOnlyDictionary<int, long>> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes[0] != 'I' || bytes[1] != 'I' || BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(2)) != 42)
            throw new InvalidDataException($"{path}: not a little-endian classic TIFF");
        var directories = new List<IReadOnlyDictionary<int, long>>();
        for (var offset = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)); offset != 0;)
        {
            var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)offset));
            var tags = new Dictionary<int, long>();
            for (var i = 0; i < count; i++)
            {
                var entry = bytes.AsSpan((int)offset + 2 + 12 * i, 12);
                var type = BinaryPrimitives.ReadUInt16LittleEndian(entry[2..]);
                tags[BinaryPrimitives.ReadUInt16LittleEndian(entry)] = type == 3
                    ? BinaryPrimitives.ReadUInt16LittleEndian(entry[8..])
                    : BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
            }
            directories.Add(tags);
            offset = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)offset + 2 + 12 * count));
        }
        return directories;
    }
}
