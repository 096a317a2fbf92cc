using System.Buffers.Binary;

namespace TumorWeb.Pipeline.Slides.Tiff;

/// <summary>Reads TIFF integers in the file's byte order ("II" little-endian, "MM" big-endian).</summary>
internal readonly record struct TiffByteOrder(bool BigEndian)
{
    public ushort UInt16(ReadOnlySpan<byte> bytes) =>
        BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);

    public uint UInt32(ReadOnlySpan<byte> bytes) =>
        BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    public ulong UInt64(ReadOnlySpan<byte> bytes) =>
        BigEndian ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes);
}
