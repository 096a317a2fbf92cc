using TumorWeb.Pipeline.Stain;

namespace TumorWeb.Pipeline.Training;

/// <summary>
/// Everything a training run depends on. Null means the preset's seed default
/// (<see cref="ModelPresets"/>): batch 8 for InceptionV3 from scratch, RMSprop at 2e-5, augmentation
/// for the models trained from scratch.
/// </summary>
public sealed record TrainingOptions
{
    public const int DefaultSeed = 1;
    public const int DefaultEpochs = 4;

    /// <summary>The extraction folder: its patch pack, and its run in the catalog.</summary>
    public required string PatchesDirectory { get; init; }

    /// <summary>Where checkpoints go; default &lt;patches&gt;/training/run-&lt;id&gt;.</summary>
    public string? OutputDirectory { get; init; }

    public ModelPreset Preset { get; init; } = ModelPreset.Tiny;
    public int Epochs { get; init; } = 1;
    public int? BatchSize { get; init; }
    public double? LearningRate { get; init; }
    public double WeightDecay { get; init; }
    public bool? Augment { get; init; }
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Colour jitter of each training patch (Liu et al. 2017, Tellez et al. 2018).</summary>
    public ColorAugment ColorAugment { get; init; }

    /// <summary>Stain normalisation of every patch, in training and then in scoring.</summary>
    public StainMethod StainNormalize { get; init; }

    /// <summary>"slide.tif@x,y,w,h": the region whose stain is the target; null takes the training slides' median.</summary>
    public string? StainReference { get; init; }

    /// <summary>libtorch's intra-op threads; 0 leaves libtorch's default (one per core).</summary>
    public int Threads { get; init; }

    /// <summary>Patches decoded at once by the loader.</summary>
    public int DecodeThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Batches decoded ahead of the model.</summary>
    public int PrefetchBatches { get; init; } = 4;

    /// <summary>A checkpoint at least this often within an epoch, besides the one at each epoch's end.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Stops an epoch after this many steps (a quick look at a big data set).</summary>
    public int? MaxStepsPerEpoch { get; init; }

    /// <summary>ImageNet weights of a frozen preset's base (a TorchSharp state dict).</summary>
    public string? WeightsFile { get; init; }

    /// <summary>A train metric row (the mean over these steps) every this many steps.</summary>
    public int MetricEvery { get; init; } = 10;

    /// <summary>The catalog file, recorded in training.json so a resume by folder finds it.</summary>
    public string? CatalogPath { get; init; }
}
