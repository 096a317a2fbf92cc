namespace TumorWeb.Pipeline.Slides;

/// <summary>A colour laid over another at alpha 0.5 (matplotlib's <c>alpha=0.5</c>), rounded half up.</summary>
public static class HalfBlend
{
    public static (byte R, byte G, byte B) Over((byte R, byte G, byte B) under, (byte R, byte G, byte B) over) =>
        (Half(under.R, over.R), Half(under.G, over.G), Half(under.B, over.B));

    private static byte Half(byte under, byte over) => (byte)((under + over + 1) / 2);
}
