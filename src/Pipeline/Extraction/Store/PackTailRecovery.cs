using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace TumorWeb.Pipeline.Extraction.Store;

/// <summary>
/// Finds where the intact records of a shard end, so a writer can cut off what a crash left half
/// written. Only a damaged tail is cut: damage followed by intact records is corruption, not a
/// torn write, and truncating there would destroy patches the catalog still points at.
/// </summary>
internal static class PackTailRecovery
{
    private const int ScanChunk = 1 << 20;

    public static long IntactLength(string path, SafeFileHandle shard)
    {
        var fileLength = RandomAccess.GetLength(shard);
        var recordStarts = StructurallyCompleteRecords(shard, fileLength, out var end);

        // Pages can reach the disk out of order, so a crash may leave a complete-looking record
        // whose payload never arrived: drop trailing records that fail their checksum.
        while (recordStarts.Count > 0 && !RecordIntactAt(shard, recordStarts[^1], fileLength))
        {
            end = recordStarts[^1];
            recordStarts.RemoveAt(recordStarts.Count - 1);
        }

        if (end < fileLength && IntactRecordAfter(shard, end + 1, fileLength))
            throw new InvalidDataException(
                $"{path} at offset {end}: damaged patch record followed by intact ones; " +
                "this is corruption, not a torn tail, so the file is left as it is");
        return end;
    }

    private static List<long> StructurallyCompleteRecords(SafeFileHandle shard, long fileLength, out long end)
    {
        var starts = new List<long>();
        end = 0;
        while (TryReadHeader(shard, end, out var header) && end + header.RecordLength <= fileLength)
        {
            starts.Add(end);
            end += header.RecordLength;
        }
        return starts;
    }

    private static bool TryReadHeader(SafeFileHandle shard, long offset, out PatchRecordHeader header)
    {
        Span<byte> bytes = stackalloc byte[PatchRecordHeader.Size];
        var read = RandomAccess.Read(shard, bytes, offset);
        return PatchRecordHeader.TryParse(bytes[..read], out header, out _);
    }

    private static bool RecordIntactAt(SafeFileHandle shard, long offset, long fileLength)
    {
        if (!TryReadHeader(shard, offset, out var header) || offset + header.RecordLength > fileLength)
            return false;
        var record = ArrayPool<byte>.Shared.Rent(header.RecordLength);
        try
        {
            var span = record.AsSpan(0, header.RecordLength);
            return RandomAccess.Read(shard, span, offset) == span.Length && PatchRecord.PayloadIntact(header, span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(record);
        }
    }

    private static bool IntactRecordAfter(SafeFileHandle shard, long from, long fileLength)
    {
        Span<byte> magic = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(magic, PatchRecordHeader.Magic);
        var chunk = ArrayPool<byte>.Shared.Rent(ScanChunk);
        try
        {
            for (var chunkStart = from; chunkStart < fileLength; chunkStart += ScanChunk - magic.Length + 1)
            {
                var bytes = chunk.AsSpan(0, RandomAccess.Read(shard, chunk.AsSpan(0, ScanChunk), chunkStart));
                for (var at = bytes.IndexOf(magic); at >= 0; at = NextIndexOf(bytes, magic, at))
                    if (RecordIntactAt(shard, chunkStart + at, fileLength))
                        return true;
            }
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static int NextIndexOf(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> value, int previous)
    {
        var next = bytes[(previous + 1)..].IndexOf(value);
        return next < 0 ? -1 : previous + 1 + next;
    }
}
