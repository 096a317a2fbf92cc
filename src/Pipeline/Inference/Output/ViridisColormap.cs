namespace TumorWeb.Pipeline.Inference.Output;

/// <summary>
/// Matplotlib's <c>viridis</c> (perceptually uniform, readable in grey and by colour-blind readers):
/// dark purple at 0, teal, yellow at 1. Every eighth entry of its 256-entry table (van der Walt and
/// Smith, CC0) plus the last, at x = index / 255, interpolated linearly; the entries in between
/// differ from matplotlib's by at most a level.
/// </summary>
public static class ViridisColormap
{
    private static readonly (float R, float G, float B)[] Stops =
    [
        (0.267004f, 0.004874f, 0.329415f), (0.277018f, 0.050344f, 0.375715f), (0.282327f, 0.094955f, 0.417331f),
        (0.282884f, 0.135920f, 0.453427f), (0.278826f, 0.175490f, 0.483397f), (0.270595f, 0.214069f, 0.507052f),
        (0.258965f, 0.251537f, 0.524736f), (0.244972f, 0.287675f, 0.537260f), (0.229739f, 0.322361f, 0.545706f),
        (0.214298f, 0.355619f, 0.551184f), (0.199430f, 0.387607f, 0.554642f), (0.185556f, 0.418570f, 0.556753f),
        (0.172719f, 0.448791f, 0.557885f), (0.160665f, 0.478540f, 0.558115f), (0.149039f, 0.508051f, 0.557250f),
        (0.137770f, 0.537492f, 0.554906f), (0.127568f, 0.566949f, 0.550556f), (0.120565f, 0.596422f, 0.543611f),
        (0.120638f, 0.625828f, 0.533488f), (0.132268f, 0.655014f, 0.519661f), (0.157851f, 0.683765f, 0.501686f),
        (0.196571f, 0.711827f, 0.479221f), (0.246070f, 0.738910f, 0.452024f), (0.304148f, 0.764704f, 0.419943f),
        (0.369214f, 0.788888f, 0.382914f), (0.440137f, 0.811138f, 0.340967f), (0.515992f, 0.831158f, 0.294279f),
        (0.595839f, 0.848717f, 0.243329f), (0.678489f, 0.863742f, 0.189503f), (0.762373f, 0.876424f, 0.137064f),
        (0.845561f, 0.887322f, 0.099702f), (0.926106f, 0.897330f, 0.104071f), (0.993248f, 0.906157f, 0.143936f),
    ];

    /// <summary>Table index of each stop: 0, 8, ..., 248, then 255.</summary>
    private static float IndexOf(int stop) => stop == Stops.Length - 1 ? 255 : stop * 8;

    /// <summary>The colour of <paramref name="value"/>, clamped to [0, 1]; NaN takes the colour of 0.</summary>
    public static (byte R, byte G, byte B) Colour(float value)
    {
        var index = (float.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1)) * 255;
        var stop = Math.Min((int)(index / 8), Stops.Length - 2);
        var t = (index - IndexOf(stop)) / (IndexOf(stop + 1) - IndexOf(stop));
        var (a, b) = (Stops[stop], Stops[stop + 1]);
        return (Level(a.R, b.R, t), Level(a.G, b.G, t), Level(a.B, b.B, t));
    }

    private static byte Level(float a, float b, float t) => (byte)Math.Round((a + (b - a) * t) * 255, MidpointRounding.AwayFromZero);
}
