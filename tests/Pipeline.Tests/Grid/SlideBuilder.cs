using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Tests.Grid;

/// <summary>Builds small in-memory slides and masks: a plain canvas with painted rectangles and pixels.</summary>
internal sealed class SlideBuilder
{
    public static readonly (byte R, byte G, byte B) Glass = (240, 240, 240);
    public static readonly (byte R, byte G, byte B) Eosin = (200, 120, 170);
    public static readonly (byte R, byte G, byte B) Black = (0, 0, 0);

    private readonly RgbImage _image;

    private SlideBuilder(int width, int height, (byte R, byte G, byte B) background) =>
        _image = RgbImage.Filled(width, height, background.R, background.G, background.B);

    public static SlideBuilder Slide(int width, int height) => new(width, height, Glass);
    public static SlideBuilder Mask(int width, int height) => new(width, height, Black);

    public SlideBuilder Fill(int x, int y, int width, int height, (byte R, byte G, byte B) colour)
    {
        for (var py = y; py < Math.Min(y + height, _image.Height); py++)
        for (var px = x; px < Math.Min(x + width, _image.Width); px++)
            _image[px, py] = colour;
        return this;
    }

    public SlideBuilder FillCell(int cellX, int cellY, int cellSize, (byte R, byte G, byte B) colour) =>
        Fill(cellX * cellSize, cellY * cellSize, cellSize, cellSize, colour);

    public SlideBuilder Pixel(int x, int y, (byte R, byte G, byte B) colour)
    {
        _image[x, y] = colour;
        return this;
    }

    public InMemorySlide Build(string path = "slide.tif", IReadOnlyList<int>? downsamples = null) =>
        new(_image, downsamples, path);
}
