using System.Buffers;
using Microsoft.Win32.SafeHandles;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Extraction.Store;

/// <summary>
/// Random access to the patches of a pack folder. Safe to call from many threads: reads are
/// positional, so threads share one handle per shard without seeking.
/// </summary>
public sealed class PatchPackReader(string directory) : IDisposable
{
    private static readonly int MaxRecordLength = PatchRecord.MaxLength(PatchRecordHeader.MaxSide, PatchRecordHeader.MaxSide);

    private readonly Dictionary<int, SafeFileHandle> shards = [];
    private bool disposed;

    public RgbImage Read(PatchLocation location)
    {
        Span<byte> headerBytes = stackalloc byte[PatchRecordHeader.Size];
        var header = ParseHeader(location, ReadExactly(location, headerBytes));
        var image = new RgbImage(header.Width, header.Height);
        Read(location, image.Pixels);
        return image;
    }

    /// <summary>Reads a patch into destination, which must hold exactly width x height x 3 bytes.</summary>
    public void Read(PatchLocation location, Span<byte> destination)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CheckedLength(location));
        try
        {
            var record = ReadExactly(location, buffer.AsSpan(0, location.Length));
            var header = ParseHeader(location, record);
            if (destination.Length != header.PixelBytes)
                throw new ArgumentException(
                    $"{PathOf(location)} at offset {location.Offset}: patch is {header.Width}x{header.Height} " +
                    $"({header.PixelBytes} bytes) but the destination holds {destination.Length} bytes",
                    nameof(destination));
            if (!PatchRecord.TryDecode(header, record, destination, out var problem))
                throw Corrupt(location, problem);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose()
    {
        lock (shards)
        {
            disposed = true;
            foreach (var handle in shards.Values)
                handle.Dispose();
            shards.Clear();
        }
    }

    private int CheckedLength(PatchLocation location)
    {
        if (location.Shard < 0 || location.Offset < 0 || location.Length < PatchRecordHeader.Size)
            throw new ArgumentOutOfRangeException(nameof(location), $"{PathOf(location)}: {location} cannot point at a patch record");
        if (location.Length > MaxRecordLength)
            throw Corrupt(location, $"location claims a {location.Length}-byte record, more than any patch needs");
        return location.Length;
    }

    /// <summary>Fills bytes from the record's start; bytes is the header alone or the whole record.</summary>
    private Span<byte> ReadExactly(PatchLocation location, Span<byte> bytes)
    {
        CheckedLength(location);
        var read = RandomAccess.Read(Shard(location.Shard), bytes, location.Offset);
        if (read < bytes.Length)
            throw Corrupt(location, $"record of {location.Length} bytes runs past the end of the file");
        return bytes;
    }

    private PatchRecordHeader ParseHeader(PatchLocation location, ReadOnlySpan<byte> record)
    {
        if (!PatchRecordHeader.TryParse(record, out var header, out var problem))
            throw Corrupt(location, problem);
        if (header.RecordLength != location.Length)
            throw Corrupt(location, $"record is {header.RecordLength} bytes long but its location says {location.Length}");
        return header;
    }

    private SafeFileHandle Shard(int number)
    {
        lock (shards)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (shards.TryGetValue(number, out var handle))
                return handle;
            var path = PatchPackFiles.ShardPath(directory, number);
            if (!File.Exists(path))
                throw new FileNotFoundException($"{path}: patch shard not found", path);
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.RandomAccess);
            shards.Add(number, handle);
            return handle;
        }
    }

    private string PathOf(PatchLocation location) => PatchPackFiles.ShardPath(directory, location.Shard);

    private InvalidDataException Corrupt(PatchLocation location, string problem) =>
        new($"{PathOf(location)} at offset {location.Offset}: {problem}");
}
