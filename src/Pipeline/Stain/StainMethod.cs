namespace TumorWeb.Pipeline.Stain;

/// <summary>How patches' colours are standardised before a model sees them (<c>--stain-normalize</c>).</summary>
public enum StainMethod
{
    None,
    Macenko,
    Reinhard,
}

public static class StainMethods
{
    public static string Name(this StainMethod method) => method.ToString().ToLowerInvariant();

    /// <exception cref="ArgumentException">Not none, macenko or reinhard.</exception>
    public static StainMethod Parse(string name)
    {
        foreach (var method in Enum.GetValues<StainMethod>())
            if (method.Name() == name.Trim().ToLowerInvariant()) return method;
        throw new ArgumentException($"stain normalisation must be none, macenko or reinhard (got {name})");
    }

    /// <summary>The transform from a slide's estimated stain to the reference's.</summary>
    public static IPatchColor? Normalizer(this StainMethod method, SlideStain source, SlideStain target) => method switch
    {
        StainMethod.Macenko => new MacenkoNormalizer(source.Macenko, target.Macenko),
        StainMethod.Reinhard => new ReinhardNormalizer(source.Reinhard, target.Reinhard),
        _ => null,
    };
}
