namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// Reinhard normalisation: each L*a*b* channel of each pixel shifted and scaled so the source's
/// tissue mean and spread become the target's. The colour conversions cost far more than the
/// mapping, and a slide's patches repeat few colours, so each result is remembered in a small
/// direct-mapped table (a slot holds one colour and its mapped colour in one 64-bit word, so
/// threads sharing the table read either an old entry or a new one, never half of one).
/// </summary>
public sealed class ReinhardNormalizer(ReinhardStain source, ReinhardStain target) : IPatchColor
{
    private const int CacheBits = 16;

    private readonly long[] _cache = new long[1 << CacheBits];

    public void Apply(Span<byte> rgb)
    {
        for (var i = 0; i + 2 < rgb.Length; i += 3)
        {
            var colour = (rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2];
            var mapped = Mapped(colour);
            (rgb[i], rgb[i + 1], rgb[i + 2]) = ((byte)(mapped >> 16), (byte)(mapped >> 8), (byte)mapped);
        }
    }

    private int Mapped(int colour)
    {
        var slot = (int)(((uint)colour * 2654435761u) >> (32 - CacheBits));
        var entry = Volatile.Read(ref _cache[slot]);
        // An empty slot is 0; stored keys are colour + 1, so black is cached too.
        if (entry >> 24 == colour + 1) return (int)(entry & 0xFFFFFF);
        var (l, a, b) = LabColor.FromRgb((byte)(colour >> 16), (byte)(colour >> 8), (byte)colour);
        var (r, g, bl) = LabColor.ToRgb(source.MapTo(target, 0, l), source.MapTo(target, 1, a), source.MapTo(target, 2, b));
        var mapped = (r << 16) | (g << 8) | bl;
        Volatile.Write(ref _cache[slot], ((long)(colour + 1) << 24) | (uint)mapped);
        return mapped;
    }
}
