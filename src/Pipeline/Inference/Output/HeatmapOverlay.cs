using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Inference.Output;

/// <summary>
/// The seed's <c>imshow(thumbnail); imshow(values, cmap='jet', alpha=0.5)</c>: every cell's
/// thumbnail colour mixed half and half with the jet colour of its value, one pixel per cell.
/// </summary>
public static class HeatmapOverlay
{
    public static RgbImage Render(RgbImage thumbnail, IReadOnlyList<float> values)
    {
        if (values.Count != thumbnail.Width * thumbnail.Height)
            throw new ArgumentException($"heatmap: {values.Count} values for a {thumbnail.Width} x {thumbnail.Height} thumbnail");
        var image = new RgbImage(thumbnail.Width, thumbnail.Height);
        for (var y = 0; y < image.Height; y++)
        for (var x = 0; x < image.Width; x++)
            image[x, y] = Blend(thumbnail[x, y], JetColormap.Colour(values[y * image.Width + x]));
        return image;
    }

    /// <summary>Alpha 0.5 over the thumbnail, rounded half up.</summary>
    public static (byte R, byte G, byte B) Blend((byte R, byte G, byte B) under, (byte R, byte G, byte B) over) =>
        HalfBlend.Over(under, over);
}
