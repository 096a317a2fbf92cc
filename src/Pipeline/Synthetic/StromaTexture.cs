using System.Runtime.CompilerServices;

namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// Collagen of the stroma: two layers of long fibres, one running across and one down the slide,
/// bent by a smooth displacement texture and blended by a slowly varying orientation field, so
/// fibres wander and change direction from region to region instead of weaving a plaid.
/// </summary>
internal sealed class StromaTexture
{
    private const float BendPixels = 14;
    private readonly Texture _across;
    private readonly Texture _down;
    private readonly Texture _bend;
    private readonly CoarseGrid _orientation;

    private StromaTexture(Texture across, Texture down, Texture bend, CoarseGrid orientation) =>
        (_across, _down, _bend, _orientation) = (across, down, bend, orientation);

    public static StromaTexture Create(int width, int height, ref SynthRandom random) => new(
        Texture.Create(128, 12, 4, random.NextULong()),
        Texture.Create(12, 128, 4, random.NextULong()),
        Texture.Create(64, 64, 2, random.NextULong()),
        CoarseGrid.Noise(width, height, CoarseGrid.SpacingFor(width, height, 65), 10, 2, random.NextULong()));

    /// <summary>Fibre density in [0, 1] along one pixel row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(int y, Span<float> destination)
    {
        _orientation.SampleRow(y + 0.5, destination);
        var bendRow = _bend.Row(y >> 1);
        for (var x = 0; x < destination.Length; x++)
        {
            // Bending by up to BendPixels in both directions: the bend texture is sampled at half resolution.
            var bend = (int)((2 * bendRow[(x >> 1) & (Texture.Size - 1)] - 1) * BendPixels);
            var across = _across.At(x, y + bend);
            var down = _down.At(x + bend, y);
            var weight = Math.Clamp((destination[x] - 0.5f) * 3 + 0.5f, 0f, 1f);
            destination[x] = across + (down - across) * weight;
        }
    }
}
