using System.Security.Cryptography;
using TumorWeb.Pipeline.Synthetic;

namespace TumorWeb.Pipeline.Tests.Synthetic;

public class StainShiftTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Side = 1024;
    private static readonly double[] Shifts = [0, 0.25, 0.5, 0.75, 1];

    private static byte[] Paint(double shift, string name = "tumor_001") =>
        Paint(SlideRecipe.Create(4, name, name.StartsWith("tumor"), Side, Side, shift));

    private static byte[] Paint(SlideRecipe recipe)
    {
        var rgb = new byte[Side * Side * 3];
        new SlidePainter(recipe).Paint(0, Side, rgb, Side * 3);
        return rgb;
    }

    /// <summary>Mean optical density of the tissue pixels (total OD above 0.3) per channel, and the hue in degrees of their mean colour.</summary>
    private static (double Density, double Hue) TissueColour(byte[] rgb)
    {
        double r = 0, g = 0, b = 0, density = 0;
        var n = 0;
        for (var i = 0; i < rgb.Length; i += 3)
        {
            var od = Od(rgb[i]) + Od(rgb[i + 1]) + Od(rgb[i + 2]);
            if (od < 0.3) continue;
            (r, g, b, density, n) = (r + rgb[i], g + rgb[i + 1], b + rgb[i + 2], density + od, n + 1);
        }
        return (density / n, Hue(r / n, g / n, b / n));
    }

    private static double Od(byte value) => -Math.Log((value + 1) / 256.0);

    private static double Hue(double r, double g, double b)
    {
        var (max, min) = (Math.Max(r, Math.Max(g, b)), Math.Min(r, Math.Min(g, b)));
        var h = max == r ? (g - b) / (max - min) : max == g ? 2 + (b - r) / (max - min) : 4 + (r - g) / (max - min);
        return (h * 60 + 360) % 360;
    }

    [Fact]
    public void NoShiftPaintsTodaysSlideByteForByte()
    {
        // SHA-256 of this slide's pixels as written before --stain-shift existed.
        Assert.Equal("7CA7520ECA65DC17C4F8E650704BFF107E91D5FD3A1CA0B334B3DCCFA6DA7820", Convert.ToHexString(SHA256.HashData(Paint(0))));
    }

    [Theory]
    [InlineData("tumor_001")]
    [InlineData("normal_001")]
    public void TissueGetsDarkerAndItsHueMovesSteadilyWithTheShift(string name)
    {
        var colours = Shifts.Select(s => TissueColour(Paint(s, name))).ToList();
        var report = string.Join("; ", colours.Select((c, i) => $"S={Shifts[i]}: OD {c.Density:0.000} hue {c.Hue:0.0}"));
        output.WriteLine($"{name}: {report}");
        for (var i = 1; i < colours.Count; i++)
        {
            Assert.True(colours[i].Density > colours[i - 1].Density, report);
            Assert.True(colours[i].Hue < colours[i - 1].Hue, report);
        }
    }

    [Fact]
    public void StainVectorsTiltFurtherAndHaematoxylinStrengthensWithTheShift()
    {
        var palettes = Shifts.Select(s => SlideRecipe.Create(4, "tumor_001", true, Side, Side, s).Palette).ToList();
        var tilts = palettes.Select(p => p.Haematoxylin.DegreesTo(palettes[0].Haematoxylin)).ToList();
        Assert.Equal(tilts.Order(), tilts);
        Assert.InRange(tilts[^1], 15, 45);
        Assert.Equal(palettes[0].HaematoxylinStrength * 1.7f, palettes[^1].HaematoxylinStrength, 4);
        Assert.Equal(palettes[0].Background, palettes[^1].Background);
    }

    [Fact]
    public void ANegativeShiftTiltsAsFarAndFadesTheHaematoxylin()
    {
        var palette = SlideRecipe.Create(4, "tumor_001", true, Side, Side, 0).Palette;
        var faded = SlideRecipe.Create(4, "tumor_001", true, Side, Side, -0.5).Palette;
        var darker = SlideRecipe.Create(4, "tumor_001", true, Side, Side, 0.5).Palette;
        Assert.Equal(darker.Haematoxylin, faded.Haematoxylin);
        Assert.Equal(darker.Eosin, faded.Eosin);
        Assert.Equal(palette.HaematoxylinStrength * 0.65f, faded.HaematoxylinStrength, 4);
        Assert.Equal(palette.HaematoxylinStrength * 0.1f, SlideRecipe.Create(4, "tumor_001", true, Side, Side, -1.5).Palette.HaematoxylinStrength, 4);
        Assert.True(TissueColour(Paint(-0.5)).Density < TissueColour(Paint(0)).Density);
    }

    [Fact]
    public void PastOneOnlyTheHaematoxylinKeepsRising()
    {
        var one = SlideRecipe.Create(4, "tumor_001", true, Side, Side, 1).Palette;
        var three = SlideRecipe.Create(4, "tumor_001", true, Side, Side, 3).Palette;
        Assert.Equal(one.Haematoxylin, three.Haematoxylin);
        Assert.Equal(one.HaematoxylinStrength / 1.7f * 3.1f, three.HaematoxylinStrength, 4);
    }

    [Theory]
    [InlineData(-1.1)]
    [InlineData(3.5)]
    [InlineData(double.NaN)]
    public void ShiftOutsideMinusOneToThreeIsRefused(double shift)
    {
        var options = new SynthOptions("out", 1, 1024, 1024, 1, StainShift: shift);
        Assert.StartsWith("the stain shift must be between -1 and 3", Assert.Throws<ArgumentException>(options.Validate).Message);
    }
}
