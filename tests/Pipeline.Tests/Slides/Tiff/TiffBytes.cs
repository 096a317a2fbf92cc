using System.Buffers.Binary;

namespace TumorWeb.Pipeline.Tests.Slides.Tiff;

/// <summary>
/// Writes a TIFF header and directory 0 byte by byte, in either byte order, classic or BigTIFF:
/// for literal tests of the parser and for files libtiff would refuse to write.
/// Values that do not fit in an entry go after the directory; "tiles" are filler bytes after that.
/// </summary>
internal sealed class TiffBytes(bool bigEndian, bool bigTiff)
{
    public const ushort Short = 3, Long = 4, Long8 = 16;
    private readonly List<(ushort Tag, ushort Type, long[] Values)> _entries = [];

    public TiffBytes Entry(ushort tag, ushort type, params long[] values)
    {
        _entries.Add((tag, type, values));
        return this;
    }

    /// <summary>The file bytes; <paramref name="paddingBytes"/> zero bytes are appended to hold tiles.</summary>
    public byte[] Build(int paddingBytes = 0)
    {
        var (headerSize, countSize, entrySize, fieldSize) = bigTiff ? (16, 8, 20, 8) : (8, 2, 12, 4);
        var directorySize = countSize + _entries.Count * entrySize + fieldSize;
        var extraStart = headerSize + directorySize;
        var extraSize = _entries.Sum(e => Overflows(e, fieldSize) ? e.Values.Length * TypeSize(e.Type) : 0);
        var bytes = new byte[extraStart + extraSize + paddingBytes];

        bytes[0] = bytes[1] = (byte)(bigEndian ? 'M' : 'I');
        Write(bytes, 2, 2, bigTiff ? 43 : 42);
        if (bigTiff)
        {
            Write(bytes, 4, 2, 8);
            Write(bytes, 8, 8, headerSize);
        }
        else Write(bytes, 4, 4, headerSize);

        Write(bytes, headerSize, countSize, _entries.Count);
        var extra = extraStart;
        for (var i = 0; i < _entries.Count; i++)
        {
            var (tag, type, values) = _entries[i];
            var at = headerSize + countSize + i * entrySize;
            Write(bytes, at, 2, tag);
            Write(bytes, at + 2, 2, type);
            Write(bytes, at + 4, fieldSize, values.Length);
            var size = TypeSize(type);
            var valuesAt = Overflows(_entries[i], fieldSize) ? extra : at + 4 + fieldSize;
            if (valuesAt == extra)
            {
                Write(bytes, at + 4 + fieldSize, fieldSize, extra);
                extra += values.Length * size;
            }
            for (var v = 0; v < values.Length; v++) Write(bytes, valuesAt + v * size, size, values[v]);
        }
        return bytes;
    }

    private static bool Overflows((ushort Tag, ushort Type, long[] Values) entry, int fieldSize) =>
        entry.Values.Length * TypeSize(entry.Type) > fieldSize;

    private static int TypeSize(ushort type) => type switch { Short => 2, Long => 4, Long8 => 8, _ => 1 };

    private void Write(byte[] bytes, int at, int size, long value)
    {
        var span = bytes.AsSpan(at, size);
        switch (size, bigEndian)
        {
            case (1, _): span[0] = (byte)value; break;
            case (2, true): BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)value); break;
            case (2, false): BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)value); break;
            case (4, true): BinaryPrimitives.WriteUInt32BigEndian(span, (uint)value); break;
            case (4, false): BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)value); break;
            case (8, true): BinaryPrimitives.WriteUInt64BigEndian(span, (ulong)value); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(span, (ulong)value); break;
        }
    }
}
