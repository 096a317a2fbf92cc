using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// What scoring did about a slide's colour: the model's normalisation (<paramref name="Normalize"/>),
/// the slide's stain estimate, the transform into the model's colour space (null on raw colours) and
/// the warnings (its stain outside the training range, or too little tissue to tell).
/// </summary>
public sealed record StainReport(string Normalize, SlideStain? Estimate, IPatchColor? Color, IReadOnlyList<string> Warnings)
{
    public static StainReport None { get; } = new(StainMethod.None.Name(), null, null, []);

    /// <summary>
    /// Estimates the slide's stain once (cached by <paramref name="slideKey"/>) and prepares scoring for
    /// <paramref name="model"/>; models that know nothing of stains (older checkpoints, the baseline) get <see cref="None"/>.
    /// </summary>
    public static StainReport For(StainModel? model, ISlide slide, CellMask tissue, int cellSize, int patchSize, string slideKey, CancellationToken ct)
    {
        if (model is null) return None;
        var cells = tissue.Cells().ToList();
        var estimate = SlideStainCache.GetOrAdd($"{slideKey}|{cellSize}|{patchSize}", () => SlideStains.FromSlide(slide, cells, cellSize, patchSize, ct));
        if (estimate is null)
        {
            var note = model.Target is null ? [] : new[] { "too little stained tissue to estimate this slide's stain: scored without normalisation" };
            return new StainReport(model.Target is null ? model.Normalize : StainMethod.None.Name(), null, null, note);
        }
        var warning = model.Range?.Check(estimate);
        return new StainReport(model.Normalize, estimate, model.NormalizerFor(estimate), warning is null ? [] : [warning]);
    }
}
