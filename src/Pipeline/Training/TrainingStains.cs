using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.Stain;

namespace TumorWeb.Pipeline.Training;

/// <summary>
/// A run's colour space, fitted once before training: each slide's stain from a bounded sample of
/// its stored patches, the range of the training slides' stains (for the out-of-range warning), and,
/// when the run normalises, the target (a reference region, or the training slides' median) and each
/// slide's transform into it. A resume takes the target from its checkpoint, so it never moves.
/// </summary>
internal sealed record TrainingStains(StainModel Model, IReadOnlyDictionary<int, IPatchColor> SlideColors)
{
    /// <summary>Names the normalised pixels a frozen base's cached features were computed from; null on raw colours.</summary>
    public string? FeatureKey => Model.Target is null
        ? null
        : $"{Model.Normalize}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Model.Target))))[..12]}";

    public static TrainingStains Fit(string extractionDirectory, TrainingHyperparameters hyper, TrainingData data, StainModel? saved)
    {
        using var reader = new PatchPackReader(extractionDirectory);
        var estimates = data.Train.Concat(data.Validation)
            .GroupBy(p => p.SlideId)
            .ToDictionary(g => g.Key, g => SlideStains.FromPatches(reader, g.OrderBy(p => p.Id).Select(p => p.Location).ToList(), hyper.PatchSize));
        var trainSlides = data.Train.Select(p => p.SlideId).Distinct().Order()
            .Select(id => estimates[id]).OfType<SlideStain>().ToList();
        var range = trainSlides.Count == 0 ? null : StainRange.Of(trainSlides);
        var method = hyper.StainMethod;
        if (method == StainMethod.None) return new TrainingStains(new StainModel(method.Name(), null, null, range), new Dictionary<int, IPatchColor>());
        var (target, reference) = saved?.Target is { } kept ? (kept, saved.Reference) : Target(hyper, trainSlides);
        var model = new StainModel(method.Name(), target, reference, range);
        var colors = estimates.Where(e => e.Value is not null)
            .ToDictionary(e => e.Key, e => model.NormalizerFor(e.Value!)!);
        return new TrainingStains(model, colors);
    }

    private static (SlideStain Target, string Reference) Target(TrainingHyperparameters hyper, IReadOnlyList<SlideStain> trainSlides)
    {
        if (hyper.StainReference is { } spec) return (SlideStains.FromRegion(StainReferenceRegion.Parse(spec)), spec);
        if (trainSlides.Count == 0)
            throw new InvalidOperationException("no training slide has enough stained tissue to fit a stain; train without --stain-normalize or give --stain-reference");
        return (SlideStain.Median(trainSlides), $"median of {trainSlides.Count} training slides");
    }
}
