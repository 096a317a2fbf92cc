namespace TumorWeb.Pipeline.Slides;

/// <summary>
/// A rectangle to read, as OpenSlide takes it: X and Y are level-0 coordinates of the top-left
/// corner (negative allowed: outside the slide is white), Width and Height are pixels at Level.
/// An immutable value, so it doubles as a cache key.
/// </summary>
public readonly record struct RegionRequest(int Level, long X, long Y, int Width, int Height)
{
    public int ByteCount => checked(Width * Height * 3);
}
