using System.Buffers;

namespace TumorWeb.Pipeline.Extraction.Store;

/// <summary>
/// Appends patches to a folder of large shard files (patches-000.pack, ...), one record each,
/// instead of one small file per patch. Safe to call from many threads: compression runs on the
/// calling thread and only the write itself is serialised.
/// A record is handed to the operating system before <see cref="Append"/> returns, so it survives
/// the process dying; it survives a power cut only after <see cref="Flush"/>. Record a location
/// elsewhere (the catalog) only after flushing: reopening cuts off records that did not reach the disk.
/// </summary>
public sealed class PatchPackWriter : IDisposable
{
    public const long DefaultMaxShardBytes = 1L << 30;

    private readonly object gate = new();
    private readonly string directory;
    private readonly long maxShardBytes;
    private readonly FileStream writerLock;
    private readonly int lane;
    private FileStream shard;
    private int shardNumber;
    private long shardLength;
    private bool disposed;

    private PatchPackWriter(string directory, long maxShardBytes, FileStream writerLock, int lane, int shardNumber, FileStream shard)
    {
        this.directory = directory;
        this.lane = lane;
        this.maxShardBytes = maxShardBytes;
        this.writerLock = writerLock;
        this.shardNumber = shardNumber;
        this.shard = shard;
        shardLength = shard.Length;
    }

    /// <summary>
    /// Opens lane <paramref name="lane"/> of the pack in directory (created if missing) for appending after the
    /// lane's last intact record, cutting off a record that a crash left half written. Only one writer
    /// may hold a lane; writers of different lanes (e.g. one per slide, in different processes) may
    /// append at the same time.
    /// </summary>
    public static PatchPackWriter Open(string directory, int lane = 0, long maxShardBytes = DefaultMaxShardBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxShardBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(lane);
        Directory.CreateDirectory(directory);
        var writerLock = TakeWriterLock(directory, lane);
        try
        {
            var last = PatchPackFiles.LastShardOfLane(directory, lane) ?? PatchPackFiles.FirstShardOf(lane);
            return new PatchPackWriter(directory, maxShardBytes, writerLock, lane, last, OpenShardAtIntactEnd(directory, last));
        }
        catch
        {
            writerLock.Dispose();
            throw;
        }
    }

    public PatchLocation Append(ReadOnlySpan<byte> rgb, int width, int height)
    {
        if (!PatchRecordHeader.IsValidSize(width, height))
            throw new ArgumentOutOfRangeException(nameof(width), $"patch size {width}x{height} is outside 1..{PatchRecordHeader.MaxSide}");
        if (rgb.Length != width * height * 3)
            throw new ArgumentException($"expected {width * height * 3} bytes for {width}x{height} RGB, got {rgb.Length}", nameof(rgb));

        var record = ArrayPool<byte>.Shared.Rent(PatchRecord.MaxLength(width, height));
        try
        {
            var length = PatchRecord.Encode(rgb, width, height, record);
            return Write(record.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(record);
        }
    }

    /// <summary>Makes every record appended so far durable on disk.</summary>
    public void Flush()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            shard.Flush(flushToDisk: true);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            shard.Flush(flushToDisk: true);
            shard.Dispose();
            writerLock.Dispose();
        }
    }

    private PatchLocation Write(ReadOnlySpan<byte> record)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (shardLength > 0 && shardLength + record.Length > maxShardBytes)
                StartNextShard();
            var location = new PatchLocation(shardNumber, shardLength, record.Length);
            shard.Write(record);
            shardLength += record.Length;
            return location;
        }
    }

    private void StartNextShard()
    {
        // The finished shard is made durable first, so only the newest shard can ever have a torn tail.
        shard.Flush(flushToDisk: true);
        shard.Dispose();
        if (PatchPackFiles.LaneOf(shardNumber + 1) != lane)
            throw new IOException($"{directory}: lane {lane} of the patch pack is full ({PatchPackFiles.LaneSpan} shards)");
        shardNumber++;
        shard = new FileStream(PatchPackFiles.ShardPath(directory, shardNumber), FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
        shardLength = 0;
    }

    private static FileStream OpenShardAtIntactEnd(string directory, int shardNumber)
    {
        var path = PatchPackFiles.ShardPath(directory, shardNumber);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        try
        {
            var intactLength = PackTailRecovery.IntactLength(path, stream.SafeFileHandle);
            if (intactLength < stream.Length)
            {
                stream.SetLength(intactLength);
                stream.Flush(flushToDisk: true);
            }
            stream.Position = intactLength;
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static FileStream TakeWriterLock(string directory, int lane)
    {
        var path = PatchPackFiles.LockPath(directory, lane);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException(lane == 0
                ? $"{directory}: another patch pack writer has this folder open"
                : $"{directory}: another patch pack writer has lane {lane} of this folder open", e);
        }
    }
}
