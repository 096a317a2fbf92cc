namespace TumorWeb.Pipeline.Grid;

/// <summary>A byte buffer one worker keeps across tiles, grown only when a tile needs more.</summary>
internal sealed class ReusableBuffer
{
    private byte[] _bytes = [];

    public Span<byte> Take(int length)
    {
        if (_bytes.Length < length) _bytes = new byte[length];
        return _bytes.AsSpan(0, length);
    }
}
