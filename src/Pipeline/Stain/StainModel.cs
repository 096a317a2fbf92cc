using System.Text.Json.Serialization;

namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// What a checkpoint knows about colour: the normalisation it was trained with (<paramref name="Normalize"/>,
/// none, macenko or reinhard) and its target stain, where that target came from
/// (<paramref name="Reference"/>: "slide.tif@x,y,w,h" or the median of the training slides), and the
/// range of the training slides' own stains, which scoring checks each slide against.
/// </summary>
public sealed record StainModel(string Normalize, SlideStain? Target, string? Reference, StainRange? Range)
{
    [JsonIgnore] public StainMethod Method => StainMethods.Parse(Normalize);

    /// <summary>The transform that takes a slide of stain <paramref name="source"/> into the model's colour space; null when it trained on raw colours.</summary>
    public IPatchColor? NormalizerFor(SlideStain source) => Target is null ? null : Method.Normalizer(source, Target);
}
