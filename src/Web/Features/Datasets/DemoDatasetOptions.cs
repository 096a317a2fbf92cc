using System.Globalization;
using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Web.Features.Datasets;

/// <summary>
/// The demo dataset: the synthetic set the end-to-end test proves a tiny CNN learns from on a CPU.
/// Its slides hold tens of tumor cells, not hundreds, hence the low tumor-slide threshold.
/// </summary>
public sealed record DemoDatasetOptions(int Slides = 6, int Side = 6144, int NormalSlides = 2, int Seed = 21, int TumorSlideThreshold = 10)
{
    public const string Name = "Demo (synthetic)";

    public SynthOptions Synth(string folder) => new(folder, Slides, Side, Side, Seed, NormalSlides);

    /// <summary>Written beside the slides once all are complete; other options mean other slides.</summary>
    public string Stamp => string.Create(CultureInfo.InvariantCulture, $"synth {Slides} slides {Side}x{Side} normal {NormalSlides} seed {Seed}");
}
