namespace TumorWeb.Web.Features.Runs;

/// <summary>How the pages name a test-time augmentation setting.</summary>
public static class TtaWords
{
    public static string Of(int transforms) => transforms switch
    {
        1 => "TTA off",
        4 => "TTA 4 (rotations)",
        8 => "TTA 8 (rotations and mirrors)",
        _ => $"TTA {transforms}",
    };
}
