namespace TumorWeb.Pipeline.Synthetic;

/// <summary>
/// One cell nucleus: an ellipse (semi-axes A and B, rotated by the angle whose cosine and sine are
/// given) whose rim wobbles with the 2nd and 3rd angular harmonics, stained with the given darkness.
/// </summary>
internal readonly record struct Nucleus(float X, float Y, float A, float B, float Cos, float Sin, float Wobble2, float Wobble3, float Darkness)
{
    /// <summary>No pixel of the nucleus lies farther than this from its centre.</summary>
    public float Reach => Math.Max(A, B) * (1 + Math.Abs(Wobble2) + Math.Abs(Wobble3)) + 1.5f;
}
