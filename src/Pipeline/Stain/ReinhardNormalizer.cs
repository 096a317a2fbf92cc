namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// Reinhard normalisation: each L*a*b* channel of each pixel shifted and scaled so the source's
/// tissue mean and spread become the target's.
/// </summary>
public sealed class ReinhardNormalizer(ReinhardStain source, ReinhardStain target) : IPatchColor
{
    public void Apply(Span<byte> rgb)
    {
        for (var i = 0; i + 2 < rgb.Length; i += 3)
        {
            var (l, a, b) = LabColor.FromRgb(rgb[i], rgb[i + 1], rgb[i + 2]);
            (rgb[i], rgb[i + 1], rgb[i + 2]) = LabColor.ToRgb(source.MapTo(target, 0, l), source.MapTo(target, 1, a), source.MapTo(target, 2, b));
        }
    }
}
