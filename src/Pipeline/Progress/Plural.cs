namespace TumorWeb.Pipeline.Progress;

/// <summary>A count with its noun, in the right number: "1 slide", "3 slides", "1 patch", "0 patches".</summary>
public static class Plural
{
    public static string Of(long count, string singular, string? plural = null) =>
        $"{count} {(count == 1 ? singular : plural ?? Regular(singular))}";

    // "patch" → "patches" but "epoch" → "epochs": the hard "ch" takes a plain s.
    private static string Regular(string singular) =>
        singular.EndsWith("tch", StringComparison.Ordinal) || singular.EndsWith("sh", StringComparison.Ordinal) || singular.EndsWith('s') || singular.EndsWith('x')
            ? singular + "es"
            : singular + "s";
}
