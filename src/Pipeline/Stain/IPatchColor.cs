namespace TumorWeb.Pipeline.Stain;

/// <summary>
/// A colour transform of RGB bytes (interleaved R, G, B, any number of pixels), in place, applied to
/// each patch before it becomes a tensor: in training and in scoring alike, so a model sees the same
/// colour space in both. Pixel-wise, so patches laid end to end are transformed as one span.
/// Implementations are immutable and safe to use from several threads at once.
/// </summary>
public interface IPatchColor
{
    void Apply(Span<byte> rgb);
}
