using System.Buffers.Binary;
using System.IO.Compression;

namespace TumorWeb.Pipeline.Extraction.Store;

/// <summary>
/// The 20 bytes in front of every patch record, little-endian:
/// magic "TWPK", width, height, payload length (int32 each), CRC-32 of the payload (uint32).
/// </summary>
internal readonly record struct PatchRecordHeader(int Width, int Height, int PayloadLength, uint PayloadCrc)
{
    public const int Size = 20;

    /// <summary>Patches are a few hundred pixels across; anything past this is a damaged header.</summary>
    public const int MaxSide = 4096;

    public const uint Magic = 0x4B505754; // "TWPK" read as little-endian

    public int PixelBytes => Width * Height * 3;
    public int RecordLength => Size + PayloadLength;

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], Width);
        BinaryPrimitives.WriteInt32LittleEndian(destination[8..], Height);
        BinaryPrimitives.WriteInt32LittleEndian(destination[12..], PayloadLength);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], PayloadCrc);
    }

    public static bool TryParse(ReadOnlySpan<byte> source, out PatchRecordHeader header, out string problem)
    {
        header = default;
        if (source.Length < Size)
        {
            problem = $"only {source.Length} bytes where a {Size}-byte record header belongs";
            return false;
        }
        if (BinaryPrimitives.ReadUInt32LittleEndian(source) != Magic)
        {
            problem = "no patch record starts here (bad magic)";
            return false;
        }
        header = new PatchRecordHeader(
            BinaryPrimitives.ReadInt32LittleEndian(source[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(source[8..]),
            BinaryPrimitives.ReadInt32LittleEndian(source[12..]),
            BinaryPrimitives.ReadUInt32LittleEndian(source[16..]));
        problem = header.Problem() ?? "";
        return problem.Length == 0;
    }

    public static bool IsValidSize(int width, int height) =>
        width is > 0 and <= MaxSide && height is > 0 and <= MaxSide;

    private string? Problem()
    {
        if (!IsValidSize(Width, Height))
            return $"header gives an impossible patch size {Width}x{Height}";
        if (PayloadLength <= 0 || PayloadLength > BrotliEncoder.GetMaxCompressedLength(PixelBytes))
            return $"header gives an impossible payload length {PayloadLength} for a {Width}x{Height} patch";
        return null;
    }
}
