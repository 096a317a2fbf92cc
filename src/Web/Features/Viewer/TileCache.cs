namespace TumorWeb.Web.Features.Viewer;

/// <summary>A tile of a slide file: the version changes when the file does.</summary>
public readonly record struct TileKey(int SlideId, string Version, int Level, int Column, int Row);

/// <summary>Encoded tiles in memory, least recently used dropped first once the bytes exceed the capacity.</summary>
public sealed class TileCache(long capacityBytes)
{
    private readonly object _lock = new();
    private readonly Dictionary<TileKey, LinkedListNode<(TileKey Key, byte[] Bytes)>> _entries = [];
    private readonly LinkedList<(TileKey Key, byte[] Bytes)> _recent = new();

    public long CapacityBytes { get; } = capacityBytes;
    public long Bytes { get; private set; }

    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    public bool TryGet(TileKey key, out byte[] bytes)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                bytes = node.Value.Bytes;
                return true;
            }
        }
        bytes = [];
        return false;
    }

    public void Add(TileKey key, byte[] bytes)
    {
        if (bytes.Length > CapacityBytes) return;
        lock (_lock)
        {
            if (_entries.Remove(key, out var old)) Drop(old);
            _entries[key] = _recent.AddFirst((key, bytes));
            Bytes += bytes.Length;
            while (Bytes > CapacityBytes)
            {
                var last = _recent.Last!;
                _entries.Remove(last.Value.Key);
                Drop(last);
            }
        }
    }

    private void Drop(LinkedListNode<(TileKey Key, byte[] Bytes)> node)
    {
        _recent.Remove(node);
        Bytes -= node.Value.Bytes.Length;
    }
}
