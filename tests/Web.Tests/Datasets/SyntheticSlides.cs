using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Web.Tests.Datasets;

/// <summary>Small synthetic CAMELYON-style slides (slide, mask, annotations) written into a folder.</summary>
public static class SyntheticSlides
{
    public static IReadOnlyList<SyntheticSlide> Write(string folder, int slides = 2, int normal = 1, int side = 2048, int seed = 5) =>
        SyntheticSlideGenerator.Generate(new SynthOptions(folder, slides, side, side, seed, normal));
}
