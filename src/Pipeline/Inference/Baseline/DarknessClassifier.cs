using System.Globalization;

namespace TumorWeb.Pipeline.Inference.Baseline;

/// <summary>
/// A transparent baseline, not a learned model: a patch's tumor probability rises with its share
/// of dark haematoxylin-stained pixels, since metastatic carcinoma packs large, dark nuclei densely.
/// It shows what colour alone achieves; any CNN should beat it on real slides.
/// </summary>
public sealed class DarknessClassifier : IPatchClassifier
{
    private readonly DarknessModel _model;

    public DarknessClassifier(DarknessModel model)
    {
        model.Validate();
        _model = model;
    }

    public string Name => string.Create(CultureInfo.InvariantCulture, $"{DarknessModel.Kind} (threshold {_model.Threshold})");

    public int PatchSize => _model.PatchSize;

    public float[] Score(ReadOnlySpan<byte> patches, int count)
    {
        var patchBytes = PatchSize * PatchSize * 3;
        if (patches.Length < (long)count * patchBytes)
            throw new ArgumentException($"{count} patches of {PatchSize} x {PatchSize} need {(long)count * patchBytes} bytes, got {patches.Length}", nameof(patches));
        var scores = new float[count];
        for (var i = 0; i < count; i++)
            scores[i] = _model.Probability(DarkPixels.Fraction(patches.Slice(i * patchBytes, patchBytes), _model.DarkLevel));
        return scores;
    }

    public void Dispose() { }
}
