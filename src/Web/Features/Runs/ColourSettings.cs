using System.Globalization;
using TumorWeb.Pipeline.Stain;
using TumorWeb.Pipeline.Training;

namespace TumorWeb.Web.Features.Runs;

/// <summary>
/// A run's colour handling as its pages show it: colour augmentation, stain normalisation and its
/// reference (from the hyperparameters), and, once a checkpoint exists, the stain range of the
/// training slides that scoring checks slides against.
/// </summary>
public sealed record ColourSettings(string ColorAugment, string StainNormalize, string? ReferenceRegion, string? Reference, StainRange? Range)
{
    public bool Normalizes => StainNormalize != StainMethod.None.Name();

    public static ColourSettings Of(TrainingHyperparameters hyper, string runDirectory)
    {
        var stain = StainOf(Checkpoints.Furthest(runDirectory));
        var reference = hyper.StainReference ?? stain?.Reference
            ?? (hyper.StainNormalize == StainMethod.None.Name() ? null : "median of the training slides");
        return new ColourSettings(hyper.ColorAugment, hyper.StainNormalize, hyper.StainReference, reference, stain?.Range);
    }

    /// <summary>The stain model of a checkpoint; null when it has none, or the file is missing or unreadable.</summary>
    public static StainModel? StainOf(string? checkpoint)
    {
        if (checkpoint is null || !File.Exists(checkpoint)) return null;
        try
        {
            return Checkpoints.ReadHeader(checkpoint).Stain;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return null;
        }
    }

    /// <summary>"stain normalisation macenko (to median of 4 training slides)", or "raw colours (no stain normalisation)".</summary>
    public static string Describe(StainModel? stain) =>
        stain?.Target is null ? "raw colours (no stain normalisation)" : $"stain normalisation {stain.Normalize} (to {stain.Reference})";

    /// <summary>The range in words: the stain colours' spread and the stain amounts.</summary>
    public static string Describe(StainRange range) => string.Create(CultureInfo.InvariantCulture,
        $"{range.Slides} training slides: haematoxylin within {range.HaematoxylinDegrees:0.0}° and eosin within {range.EosinDegrees:0.0}° of their median, " +
        $"amounts {range.MinHaematoxylin:0.00}–{range.MaxHaematoxylin:0.00} (H) and {range.MinEosin:0.00}–{range.MaxEosin:0.00} (E), " +
        $"tissue L* {range.MinLightness:0.0}–{range.MaxLightness:0.0}");
}
