using TumorWeb.Pipeline.Checksums;
using System.Buffers;
using System.IO.Compression;

namespace TumorWeb.Pipeline.Extraction.Store;

/// <summary>
/// Encodes one RGB patch as header + payload and back. The payload is the median-edge residuals
/// compressed with Brotli at quality 0. Measured on 299x299 H&amp;E tiles: 0.45 of raw size in
/// 0.6 ms; quality 1 gives 0.42 but takes 2.9 ms; ZLib at Fastest gives 0.60 on the same residuals
/// and 0.69 on raw pixels (and expands noisy synthetic tissue to 1.08).
/// </summary>
internal static class PatchRecord
{
    private const int BrotliQuality = 0;
    private const int BrotliWindowBits = 22;

    public static int MaxLength(int width, int height) =>
        PatchRecordHeader.Size + BrotliEncoder.GetMaxCompressedLength(width * height * 3);

    /// <summary>Writes the record for the patch to the start of destination and returns its length.</summary>
    public static int Encode(ReadOnlySpan<byte> rgb, int width, int height, Span<byte> destination)
    {
        var residuals = ArrayPool<byte>.Shared.Rent(rgb.Length);
        try
        {
            MedianEdgePredictor.Encode(rgb, residuals, width, height);
            var payload = destination[PatchRecordHeader.Size..];
            if (!BrotliEncoder.TryCompress(residuals.AsSpan(0, rgb.Length), payload, out var written, BrotliQuality, BrotliWindowBits))
                throw new InvalidOperationException($"Brotli could not compress a {width}x{height} patch within its worst-case size");
            new PatchRecordHeader(width, height, written, Crc32.Compute(payload[..written])).WriteTo(destination);
            return PatchRecordHeader.Size + written;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(residuals);
        }
    }

    public static bool PayloadIntact(PatchRecordHeader header, ReadOnlySpan<byte> record) =>
        record.Length == header.RecordLength && Crc32.Compute(record[PatchRecordHeader.Size..]) == header.PayloadCrc;

    /// <summary>Checks the payload against its checksum and decodes its pixels into destination (exactly header.PixelBytes long).</summary>
    public static bool TryDecode(PatchRecordHeader header, ReadOnlySpan<byte> record, Span<byte> destination, out string problem)
    {
        if (!PayloadIntact(header, record))
        {
            problem = $"payload of {header.PayloadLength} bytes does not match its CRC-32 {header.PayloadCrc:x8}";
            return false;
        }
        if (!BrotliDecoder.TryDecompress(record[PatchRecordHeader.Size..], destination, out var written) || written != header.PixelBytes)
        {
            problem = $"payload does not decompress to {header.Width}x{header.Height} RGB pixels";
            return false;
        }
        MedianEdgePredictor.DecodeInPlace(destination, header.Width, header.Height);
        problem = "";
        return true;
    }
}
