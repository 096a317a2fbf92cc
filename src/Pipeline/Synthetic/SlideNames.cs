using System.Globalization;

namespace TumorWeb.Pipeline.Synthetic;

/// <summary>CAMELYON naming: tumor slides tumor_001, tumor_002, ..., then normal_001, ...</summary>
internal static class SlideNames
{
    public static IReadOnlyList<(string Name, bool HasTumor)> For(int tumorSlides, int normalSlides) =>
        Enumerable.Range(1, tumorSlides).Select(i => (Name("tumor", i), true))
            .Concat(Enumerable.Range(1, normalSlides).Select(i => (Name("normal", i), false)))
            .ToList();

    private static string Name(string kind, int number) => $"{kind}_{number.ToString("D3", CultureInfo.InvariantCulture)}";
}
