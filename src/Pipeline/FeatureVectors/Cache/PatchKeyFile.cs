using System.Buffers.Binary;

namespace TumorWeb.Pipeline.FeatureVectors.Cache;

/// <summary>The keys of a cache's rows in order, 24 little-endian bytes each: id, shard, offset, length.</summary>
internal static class PatchKeyFile
{
    public static void Write(string path, IReadOnlyList<PatchKey> keys)
    {
        var bytes = new byte[keys.Count * PatchKey.Size];
        for (var i = 0; i < keys.Count; i++)
        {
            var record = bytes.AsSpan(i * PatchKey.Size, PatchKey.Size);
            BinaryPrimitives.WriteInt64LittleEndian(record, keys[i].Id);
            BinaryPrimitives.WriteInt32LittleEndian(record[8..], keys[i].Shard);
            BinaryPrimitives.WriteInt64LittleEndian(record[12..], keys[i].Offset);
            BinaryPrimitives.WriteInt32LittleEndian(record[20..], keys[i].Length);
        }
        AtomicFile.Write(path, bytes);
    }

    /// <summary>The whole records of the file; none when it is missing.</summary>
    public static List<PatchKey> Read(string path)
    {
        if (!File.Exists(path)) return [];
        var bytes = File.ReadAllBytes(path);
        var keys = new List<PatchKey>(bytes.Length / PatchKey.Size);
        for (var offset = 0; offset + PatchKey.Size <= bytes.Length; offset += PatchKey.Size)
        {
            var record = bytes.AsSpan(offset, PatchKey.Size);
            keys.Add(new PatchKey(
                BinaryPrimitives.ReadInt64LittleEndian(record),
                BinaryPrimitives.ReadInt32LittleEndian(record[8..]),
                BinaryPrimitives.ReadInt64LittleEndian(record[12..]),
                BinaryPrimitives.ReadInt32LittleEndian(record[20..])));
        }
        return keys;
    }
}
