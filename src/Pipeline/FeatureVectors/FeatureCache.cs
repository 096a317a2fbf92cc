using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.FeatureVectors.Cache;
using TumorWeb.Pipeline.Progress;

namespace TumorWeb.Pipeline.FeatureVectors;

/// <summary>
/// The frozen base runs once per patch, not once per epoch: features of every patch of an
/// extraction run go to &lt;extraction-dir&gt;/features/&lt;base&gt;.f32 (e.g. resnet18.f32: 512
/// little-endian floats a row, rows in catalog id order), with &lt;base&gt;.json (models' hash,
/// preprocessing, sizes) and &lt;base&gt;.patches (each row's patch id and pack location). A build reuses every leading row
/// whose patch and models are unchanged and computes the rest, a chunk at a time, so a stopped
/// build resumes and a catalog that grew only costs its new patches.
/// </summary>
public sealed class FeatureCache
{
    private const string Stage = "features";

    private readonly IDbContextFactory<TumorWebDbContext> _dbFactory;
    private readonly FeatureCacheOptions _options;
    private readonly FeatureBaseInfo _base;
    private readonly Func<IFeatureBase> _model;

    public FeatureCache(IDbContextFactory<TumorWebDbContext> dbFactory, IFeatureBase model, FeatureCacheOptions? options = null)
        : this(dbFactory, FeatureBaseInfo.Of(model), () => model, options ?? new FeatureCacheOptions())
    {
    }

    private FeatureCache(IDbContextFactory<TumorWebDbContext> dbFactory, FeatureBaseInfo featureBase, Func<IFeatureBase> model, FeatureCacheOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkSize, 1);
        _dbFactory = dbFactory;
        _base = options.ColorKey is null
            ? featureBase
            : featureBase with { CacheName = $"{featureBase.CacheName}-{options.ColorKey}", Preprocessing = $"{featureBase.Preprocessing}; stain {options.ColorKey}" };
        _model = model;
        _options = options;
    }

    /// <summary>Builds or reuses the ResNet18 cache; loads the model only when some row must be computed.</summary>
    public static Task<FeatureSet> BuildAsync(IDbContextFactory<TumorWebDbContext> dbFactory, string extractionDir,
        IProgress<StageProgress>? progress, CancellationToken ct) =>
        BuildAsync(dbFactory, extractionDir, new FeatureCacheOptions(), progress, ct);

    public static Task<FeatureSet> BuildAsync(IDbContextFactory<TumorWebDbContext> dbFactory, string extractionDir,
        FeatureCacheOptions options, IProgress<StageProgress>? progress, CancellationToken ct) =>
        BuildAsync(dbFactory, extractionDir, options, ResNet18Features.ModelHashOf(options.Model), progress, ct);

    /// <summary>As above, with the models' hash already computed (it reads 45 MB).</summary>
    internal static async Task<FeatureSet> BuildAsync(IDbContextFactory<TumorWebDbContext> dbFactory, string extractionDir,
        FeatureCacheOptions options, string modelHash, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        ResNet18Features? loaded = null;
        try
        {
            var info = new FeatureBaseInfo(ResNet18Features.Name, modelHash, ResNet18Features.Preprocessing, ResNet18Features.Dimension);
            var cache = new FeatureCache(dbFactory, info, () => loaded ??= ResNet18Features.Load(options.Model), options);
            return await cache.BuildAsync(extractionDir, progress, ct);
        }
        finally
        {
            loaded?.Dispose();
        }
    }

    public async Task<FeatureSet> BuildAsync(string extractionDir, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        var (patchSize, patches) = await FeatureCatalog.LoadAsync(_dbFactory, extractionDir, ct);
        var files = new FeatureCacheFiles(extractionDir, _base.CacheName);
        await using var buildLock = files.TakeLock();
        var wanted = new FeatureCacheHeader(FeatureCacheHeader.CurrentFormat, _base.ModelHash, _base.Preprocessing,
            _base.Dimension, patchSize, patches.Count);
        var wantedKeys = patches.Select(PatchKey.Of).ToList();
        var stored = new CacheState(FeatureCacheHeader.Read(files.Header), PatchKeyFile.Read(files.Keys), files.FeatureBytes);
        var counter = new ProgressCounter(Stage, patches.Count, progress, _options.ProgressInterval);
        if (stored.IsUpToDate(wanted, wantedKeys))
        {
            counter.Add(patches.Count, "reused");
            return new FeatureSet(files.Features, patches, computedNow: 0, _base.Dimension);
        }
        var reusable = stored.ReusableRows(wanted, wantedKeys);
        Prepare(files, wanted, wantedKeys, reusable);
        counter.Add(reusable, reusable > 0 ? "reused" : null);
        await Task.Run(() => ComputeRows(files.Features, extractionDir, patches, reusable, patchSize, counter, ct), ct);
        return new FeatureSet(files.Features, patches, computedNow: patches.Count - reusable, _base.Dimension);
    }

    /// <summary>Cuts the rows that no longer hold, then describes the rows to come.</summary>
    private static void Prepare(FeatureCacheFiles files, FeatureCacheHeader wanted, List<PatchKey> keys, int reusable)
    {
        using (var features = new FileStream(files.Features, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read))
            features.SetLength(reusable * CacheState.RowBytes(wanted));
        PatchKeyFile.Write(files.Keys, keys);
        wanted.Write(files.Header);
    }

    private void ComputeRows(string featuresPath, string extractionDir, IReadOnlyList<FeaturePatch> patches, int first,
        int patchSize, ProgressCounter counter, CancellationToken ct)
    {
        if (first == patches.Count) return;
        var model = _model();
        var patchBytes = patchSize * patchSize * 3;
        var chunk = Math.Min(_options.ChunkSize, patches.Count - first);
        var pixels = new byte[chunk * patchBytes];
        var features = new float[chunk * _base.Dimension];
        using var reader = new PatchPackReader(extractionDir);
        using var output = new FileStream(featuresPath, FileMode.Append, FileAccess.Write, FileShare.Read);
        for (var start = first; start < patches.Count; start += chunk)
        {
            ct.ThrowIfCancellationRequested();
            var n = Math.Min(chunk, patches.Count - start);
            ReadPixels(reader, patches, start, n, patchBytes, pixels, _options.SlideColors, ct);
            var rows = features.AsSpan(0, n * _base.Dimension);
            model.Extract(pixels.AsSpan(0, n * patchBytes), n, patchSize, rows);
            FloatRows.WriteLittleEndian(output, rows);
            output.Flush();
            counter.Add(n);
        }
    }

    /// <summary>Decodes a chunk's patches on all cores; a bad record surfaces as its own error, not an AggregateException.</summary>
    private static void ReadPixels(PatchPackReader reader, IReadOnlyList<FeaturePatch> patches, int start, int count, int patchBytes,
        byte[] pixels, IReadOnlyDictionary<int, Stain.IPatchColor>? slideColors, CancellationToken ct)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { CancellationToken = ct }, i =>
            {
                var patch = patches[start + i];
                var target = pixels.AsSpan(i * patchBytes, patchBytes);
                reader.Read(patch.Location, target);
                if (slideColors is not null && slideColors.TryGetValue(patch.RunSlideId, out var normalize)) normalize.Apply(target);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
