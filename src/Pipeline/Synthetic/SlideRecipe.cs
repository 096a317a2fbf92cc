namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// Every random choice about one slide, drawn from the seed and the slide's name alone: a slide's
/// content does not change when slides are added to or removed from the run.
/// </summary>
internal sealed record SlideRecipe(
    string Name,
    int Width,
    int Height,
    ulong Seed,
    StainPalette Palette,
    TissueShape Tissue,
    CoarseGrid NormalDensity,
    StromaTexture Stroma,
    Texture Grain,
    IReadOnlyList<SynthPolygon> Tumors)
{
    /// <param name="stainShift">0 to 1: how far the slide's stain moves outside the default range (<see cref="StainPalette.Shifted"/>).</param>
    public static SlideRecipe Create(int seed, string name, bool hasTumor, int width, int height, double stainShift = 0)
    {
        var slideSeed = SynthRandom.Mix((ulong)(uint)seed) ^ SynthRandom.HashText(name);
        var random = new SynthRandom(slideSeed);
        var palette = StainPalette.Random(ref random).Shifted(stainShift);
        var grain = Texture.Create(16, 16, 3, random.NextULong());
        var tissue = TissueShape.Create(width, height, ref random, grain);
        var density = CoarseGrid.Noise(width, height, CoarseGrid.SpacingFor(width, height, 65), 12, 3, random.NextULong());
        var stroma = StromaTexture.Create(width, height, ref random);
        var tumors = hasTumor ? TumorPlanner.Plan(tissue, width, height, ref random) : [];
        return new SlideRecipe(name, width, height, slideSeed, palette, tissue, density, stroma, grain, tumors);
    }
}
