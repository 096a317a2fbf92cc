using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using TumorWeb.Pipeline.Slides.OpenSlide;

namespace TumorWeb.Pipeline.Slides;

/// <summary>A slide read through the OpenSlide C library. Safe for parallel reads.</summary>
public sealed class OpenSlideSlide : ISlide
{
    private readonly OpenSlideHandle _handle;
    private readonly SlideBackground _background;

    private OpenSlideSlide(OpenSlideHandle handle, SlideMetadata metadata, SlideBackground background)
    {
        _handle = handle;
        Metadata = metadata;
        _background = background;
    }

    public SlideMetadata Metadata { get; }

    /// <summary>Opens a tumor mask: unscanned (transparent) areas read as 0, not tumor.</summary>
    public static OpenSlideSlide OpenMask(string path) => Open(path, SlideBackground.Black);

    /// <summary>Opens a slide; throws <see cref="SlideException"/> naming the file and OpenSlide's reason.</summary>
    public static OpenSlideSlide Open(string path, SlideBackground background = SlideBackground.White)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath)) throw new SlideException(path, "file not found");
        var handle = OpenHandle(path, fullPath);
        try
        {
            ThrowIfError(handle, path);
            return new OpenSlideSlide(handle, ReadMetadata(handle, path), background);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public static string LibraryVersion => Marshal.PtrToStringUTF8(OpenSlideNative.GetVersion()) ?? "unknown";

    public void ReadRegion(RegionRequest request, Span<byte> destination)
    {
        if (request.Level < 0 || request.Level >= Metadata.Levels.Count)
            throw new ArgumentOutOfRangeException(nameof(request), $"{Metadata.Path}: level {request.Level} does not exist");
        if (destination.Length < request.ByteCount)
            throw new ArgumentException($"destination holds {destination.Length} bytes, {request.ByteCount} needed");
        var pixels = request.Width * request.Height;
        var argb = ArrayPool<uint>.Shared.Rent(pixels);
        try
        {
            ReadArgb(request, argb);
            ArgbConversion.ToRgb(argb.AsSpan(0, pixels), destination, _background);
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(argb);
        }
    }

    /// <summary>Reads an associated image (label, macro, thumbnail) as RGB.</summary>
    public RgbImage ReadAssociatedImage(string name)
    {
        if (!Metadata.AssociatedImages.Contains(name))
            throw new SlideException(Metadata.Path, $"no associated image named '{name}'");
        OpenSlideNative.GetAssociatedImageDimensions(_handle, name, out var width, out var height);
        var argb = new uint[checked(width * height)];
        unsafe
        {
            fixed (uint* p = argb) OpenSlideNative.ReadAssociatedImage(_handle, name, p);
        }
        ThrowIfError(_handle, Metadata.Path);
        var image = new RgbImage((int)width, (int)height);
        ArgbConversion.ToRgbOverWhite(argb, image.Pixels);
        return image;
    }

    public void Dispose() => _handle.Dispose();

    private unsafe void ReadArgb(RegionRequest request, uint[] argb)
    {
        fixed (uint* p = argb)
            OpenSlideNative.ReadRegion(_handle, p, request.X, request.Y, request.Level, request.Width, request.Height);
        ThrowIfError(_handle, Metadata.Path);
    }

    private static OpenSlideHandle OpenHandle(string path, string fullPath)
    {
        var handle = OpenSlideNative.Open(fullPath);
        if (!handle.IsInvalid) return handle;
        handle.Dispose();
        var vendor = Marshal.PtrToStringUTF8(OpenSlideNative.DetectVendor(fullPath));
        throw new SlideException(path, vendor is null
            ? "not a slide OpenSlide can read (unsupported or missing image file)"
            : $"OpenSlide recognised the format '{vendor}' but could not open it");
    }

    private static void ThrowIfError(OpenSlideHandle handle, string path)
    {
        var error = Marshal.PtrToStringUTF8(OpenSlideNative.GetError(handle));
        if (error is not null) throw new SlideException(path, $"OpenSlide error: {error}");
    }

    private static SlideMetadata ReadMetadata(OpenSlideHandle handle, string path)
    {
        var properties = OpenSlideNative.ReadStringArray(OpenSlideNative.GetPropertyNames(handle))
            .ToDictionary(name => name, name => Marshal.PtrToStringUTF8(OpenSlideNative.GetPropertyValue(handle, name)) ?? "");
        var levels = Enumerable.Range(0, OpenSlideNative.GetLevelCount(handle)).Select(level =>
        {
            OpenSlideNative.GetLevelDimensions(handle, level, out var width, out var height);
            return new SlideLevel(width, height, OpenSlideNative.GetLevelDownsample(handle, level));
        }).ToList();
        ThrowIfError(handle, path);
        if (levels.Count == 0 || levels[0].Width <= 0 || levels[0].Height <= 0)
            throw new SlideException(path, "the slide has no pixels");
        return new SlideMetadata(path,
            properties.GetValueOrDefault("openslide.vendor", "unknown"),
            levels,
            ParseDouble(properties, "openslide.mpp-x"),
            ParseDouble(properties, "openslide.mpp-y"),
            (int?)ParseDouble(properties, "openslide.level[0].tile-width"),
            (int?)ParseDouble(properties, "openslide.level[0].tile-height"),
            OpenSlideNative.ReadStringArray(OpenSlideNative.GetAssociatedImageNames(handle)),
            properties);
    }

    private static double? ParseDouble(IReadOnlyDictionary<string, string> properties, string key) =>
        properties.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
