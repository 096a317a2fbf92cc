using NetVips;
using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Web.Features.Runs;

/// <summary>PNG bytes of a patch for the browser; fast compression, since patches are small and shown once.</summary>
public static class PatchPng
{
    public static byte[] Encode(RgbImage image)
    {
        using var vips = Image.NewFromMemory(image.Pixels, image.Width, image.Height, 3, Enums.BandFormat.Uchar);
        return vips.PngsaveBuffer(compression: 1);
    }
}
