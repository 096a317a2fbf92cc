namespace TumorWeb.Pipeline.Slides;

/// <summary>
/// A whole-slide image: metadata plus region reads. Implementations are safe to read from
/// several threads at once (OpenSlide handles are).
/// </summary>
public interface ISlide : IDisposable
{
    SlideMetadata Metadata { get; }

    /// <summary>Reads a region as RGB into <paramref name="destination"/> (Width*Height*3 bytes).</summary>
    void ReadRegion(RegionRequest request, Span<byte> destination);
}

public static class SlideExtensions
{
    public static RgbImage ReadRegion(this ISlide slide, RegionRequest request)
    {
        var image = new RgbImage(request.Width, request.Height);
        slide.ReadRegion(request, image.Pixels);
        return image;
    }
}
