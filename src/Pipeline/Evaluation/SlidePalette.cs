namespace TumorWeb.Pipeline.Evaluation;

/// <summary>Matplotlib's "tab10" colours, one per slide in order, repeating after ten.</summary>
public static class SlidePalette
{
    private static readonly (byte R, byte G, byte B)[] Colours =
    [
        (0x1f, 0x77, 0xb4), (0xff, 0x7f, 0x0e), (0x2c, 0xa0, 0x2c), (0xd6, 0x27, 0x28), (0x94, 0x67, 0xbd),
        (0x8c, 0x56, 0x4b), (0xe3, 0x77, 0xc2), (0x7f, 0x7f, 0x7f), (0xbc, 0xbd, 0x22), (0x17, 0xbe, 0xcf),
    ];

    public static (byte R, byte G, byte B) Colour(int index) => Colours[index % Colours.Length];

    public static string Hex(int index)
    {
        var (r, g, b) = Colour(index);
        return $"#{r:x2}{g:x2}{b:x2}";
    }
}
