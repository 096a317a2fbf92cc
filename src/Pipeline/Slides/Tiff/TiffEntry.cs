namespace TumorWeb.Pipeline.Slides.Tiff;

/// <summary>
/// One directory entry: a tag, its field type, how many values, and the value field, which holds
/// the values themselves when they fit (4 bytes in classic TIFF, 8 in BigTIFF) or else their offset.
/// </summary>
internal sealed record TiffEntry(ushort Tag, ushort Type, ulong Count, byte[] Field)
{
    private const ushort Short = 3, Long = 4, Long8 = 16;

    /// <summary>The entry's values as integers; throws naming the file when they cannot be read.</summary>
    public long[] Integers(TiffFile file, TiffByteOrder order, string name)
    {
        var size = Type switch
        {
            Short => 2,
            Long => 4,
            Long8 => 8,
            _ => throw file.Inconsistent($"{name} has field type {Type}, not SHORT, LONG or LONG8"),
        };
        if (Count == 0) throw file.Inconsistent($"{name} has no values");
        if (Count > (ulong)(Math.Min(file.Length, Array.MaxLength) / size))
            throw file.Inconsistent($"{name} claims {Count} values, more than the file holds");
        var data = ValueBytes(file, order, name, (int)Count * size);
        var values = new long[Count];
        for (var i = 0; i < values.Length; i++) values[i] = Value(file, order, name, data.AsSpan(i * size, size));
        return values;
    }

    public long Single(TiffFile file, TiffByteOrder order, string name) => Integers(file, order, name)[0];

    private byte[] ValueBytes(TiffFile file, TiffByteOrder order, string name, int length)
    {
        if (length <= Field.Length) return Field;
        var offset = Field.Length == 4 ? order.UInt32(Field) : order.UInt64(Field);
        if (offset > long.MaxValue) throw file.Inconsistent($"{name} values lie at offset {offset}, past any file");
        var data = new byte[length];
        file.Read((long)offset, data, $"{name} values");
        return data;
    }

    private static long Value(TiffFile file, TiffByteOrder order, string name, ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        2 => order.UInt16(bytes),
        4 => order.UInt32(bytes),
        _ => order.UInt64(bytes) is var value && value <= long.MaxValue
            ? (long)value
            : throw file.Inconsistent($"{name} holds {value}, too large for any file"),
    };
}
