namespace TumorWeb.Pipeline.Slides;

/// <summary>
/// A slide held in memory, with a pyramid made by box-averaging level 0. For tests of everything
/// above the OpenSlide binding; reads outside the image come back white, as from OpenSlide.
/// </summary>
public sealed class InMemorySlide : ISlide
{
    private readonly RgbImage[] _levels;

    public InMemorySlide(RgbImage level0, IReadOnlyList<int>? downsamples = null, string path = "memory", string vendor = "memory")
    {
        var factors = downsamples ?? [1];
        if (factors.Count == 0 || factors[0] != 1) throw new ArgumentException("the first downsample must be 1");
        _levels = factors.Select(f => f == 1 ? level0 : Downsample(level0, f)).ToArray();
        Metadata = new SlideMetadata(path, vendor,
            factors.Select((f, i) => new SlideLevel(_levels[i].Width, _levels[i].Height,
                (double)level0.Width / _levels[i].Width)).ToList(),
            null, null, null, null, [], new Dictionary<string, string>());
    }

    public SlideMetadata Metadata { get; }

    public void ReadRegion(RegionRequest request, Span<byte> destination)
    {
        var source = _levels[request.Level];
        var downsample = Metadata.Levels[request.Level].Downsample;
        var left = (long)Math.Floor(request.X / downsample);
        var top = (long)Math.Floor(request.Y / downsample);
        destination[..request.ByteCount].Fill(255);
        for (var y = 0; y < request.Height; y++)
        {
            var sy = top + y;
            if (sy < 0 || sy >= source.Height) continue;
            for (var x = 0; x < request.Width; x++)
            {
                var sx = left + x;
                if (sx < 0 || sx >= source.Width) continue;
                var s = (int)((sy * source.Width + sx) * 3);
                var d = (y * request.Width + x) * 3;
                source.Pixels.AsSpan(s, 3).CopyTo(destination.Slice(d, 3));
            }
        }
    }

    public void Dispose() { }

    private static RgbImage Downsample(RgbImage image, int factor)
    {
        var width = (image.Width + factor - 1) / factor;
        var height = (image.Height + factor - 1) / factor;
        var result = new RgbImage(width, height);
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        for (var c = 0; c < 3; c++)
        {
            int sum = 0, count = 0;
            for (var dy = 0; dy < factor && y * factor + dy < image.Height; dy++)
            for (var dx = 0; dx < factor && x * factor + dx < image.Width; dx++)
            {
                sum += image.Pixels[((y * factor + dy) * image.Width + x * factor + dx) * 3 + c];
                count++;
            }
            result.Pixels[(y * width + x) * 3 + c] = (byte)((sum + count / 2) / count);
        }
        return result;
    }
}
