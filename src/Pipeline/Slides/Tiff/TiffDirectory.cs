namespace TumorWeb.Pipeline.Slides.Tiff;

/// <summary>The entries of one image file directory (IFD), by tag.</summary>
internal static class TiffDirectory
{
    public static IReadOnlyDictionary<ushort, TiffEntry> Read(TiffFile file, TiffHeader header)
    {
        var (countSize, entrySize, fieldSize) = header.BigTiff ? (8, 20, 8) : (2, 12, 4);
        if (header.FirstDirectory < 8) throw file.Inconsistent($"directory 0 lies at offset {header.FirstDirectory}, inside the header");
        Span<byte> countBytes = stackalloc byte[countSize];
        file.Read(header.FirstDirectory, countBytes, "the entry count");
        var count = header.BigTiff ? header.Order.UInt64(countBytes) : header.Order.UInt16(countBytes);
        if (count == 0) throw file.Inconsistent("directory 0 has no entries");
        if (count > (ulong)(file.Length / entrySize)) throw file.Inconsistent($"directory 0 claims {count} entries, more than the file holds");

        var block = new byte[(int)count * entrySize];
        file.Read(header.FirstDirectory + countSize, block, $"the {count} entries");
        var entries = new Dictionary<ushort, TiffEntry>();
        for (var i = 0; i < (int)count; i++)
        {
            var entry = block.AsSpan(i * entrySize, entrySize);
            var valueCount = header.BigTiff ? header.Order.UInt64(entry[4..]) : header.Order.UInt32(entry[4..]);
            var tag = header.Order.UInt16(entry);
            entries.TryAdd(tag, new TiffEntry(tag, header.Order.UInt16(entry[2..]), valueCount, entry.Slice(4 + fieldSize, fieldSize).ToArray()));
        }
        return entries;
    }
}
