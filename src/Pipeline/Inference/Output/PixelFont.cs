using TumorWeb.Pipeline.Slides;

namespace TumorWeb.Pipeline.Inference.Output;

/// <summary>
/// A 5 x 7 bitmap font with just the capitals the figure titles use, so titles need no font
/// library. Each glyph is drawn as <c>scale x scale</c> squares with one blank column between letters.
/// </summary>
public static class PixelFont
{
    public const int GlyphWidth = 5;
    public const int GlyphHeight = 7;

    private static readonly Dictionary<char, string[]> Glyphs = new()
    {
        ['A'] = [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
        ['C'] = [".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."],
        ['D'] = ["####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."],
        ['E'] = ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
        ['G'] = [".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".###."],
        ['H'] = ["#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
        ['I'] = [".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."],
        ['M'] = ["#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"],
        ['N'] = ["#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#", "#...#"],
        ['O'] = [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
        ['P'] = ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."],
        ['R'] = ["####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"],
        ['T'] = ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
        ['U'] = ["#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
        [' '] = [".....", ".....", ".....", ".....", ".....", ".....", "....."],
    };

    /// <summary>Width in pixels of <paramref name="text"/> drawn at <paramref name="scale"/>.</summary>
    public static int Width(string text, int scale) => text.Length == 0 ? 0 : (text.Length * (GlyphWidth + 1) - 1) * scale;

    /// <summary>Draws <paramref name="text"/> with its top-left at (x, y); pixels past the image are skipped.</summary>
    /// <exception cref="ArgumentException">A character has no glyph.</exception>
    public static void Draw(RgbImage image, string text, int x, int y, int scale, (byte R, byte G, byte B) colour)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!Glyphs.TryGetValue(text[i], out var rows))
                throw new ArgumentException($"the pixel font has no glyph for '{text[i]}' (in \"{text}\")", nameof(text));
            DrawGlyph(image, rows, x + i * (GlyphWidth + 1) * scale, y, scale, colour);
        }
    }

    private static void DrawGlyph(RgbImage image, string[] rows, int left, int top, int scale, (byte R, byte G, byte B) colour)
    {
        for (var row = 0; row < GlyphHeight; row++)
        for (var column = 0; column < GlyphWidth; column++)
        {
            if (rows[row][column] != '#') continue;
            for (var dy = 0; dy < scale; dy++)
            for (var dx = 0; dx < scale; dx++)
            {
                var (px, py) = (left + column * scale + dx, top + row * scale + dy);
                if (px >= 0 && py >= 0 && px < image.Width && py < image.Height) image[px, py] = colour;
            }
        }
    }
}
