using Microsoft.EntityFrameworkCore;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Extraction;
using TumorWeb.Pipeline.Extraction.Store;
using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Grid.Annotations;
using TumorWeb.Pipeline.Progress;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Pipeline.Tests.Grid.TiffTiles;

namespace TumorWeb.Pipeline.Tests.Extraction;

public sealed class ExtractionRunnerTests(SyntheticDatasetFixture dataset) : IClassFixture<SyntheticDatasetFixture>, IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly string _work = Directory.CreateTempSubdirectory("tumorweb-extract-").FullName;

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private ExtractionOptions Options(string? datasetDir = null, int seed = 5, int batch = 256) => new()
    {
        DatasetDirectory = datasetDir ?? dataset.Directory,
        OutputDirectory = Path.Combine(_work, "out"),
        Seed = seed,
        Grid = new GridOptions { TumorSlideThreshold = 10 },
        BatchSize = batch,
        ProgressInterval = TimeSpan.Zero,
    };

    private Task<ExtractionReport> Run(ExtractionOptions options, IProgress<StageProgress>? progress = null, CancellationToken ct = default) =>
        new ExtractionRunner(_db.Factory, TimeProvider.System).RunAsync(options, progress, ct);

    private List<(string Slide, int X, int Y, PatchLabel Label)> CatalogCells()
    {
        using var db = _db.Open();
        return db.Patches.Include(p => p.RunSlide).AsEnumerable()
            .Select(p => (p.RunSlide!.Name, p.X, p.Y, p.Label)).OrderBy(c => c).ToList();
    }

    [Fact]
    public async Task TumorSlidesGiveAThirdOfTheirTumorCellsAndHalfAsManyNormals()
    {
        var report = await Run(Options());
        Assert.Equal(RunStatus.Completed, report.Status);
        foreach (var slide in report.Slides.Where(s => s.Role == Data.Entities.SlideRole.Tumor))
        {
            Assert.Equal(slide.TumorCells / 3, slide.TumorExtracted);
            Assert.Equal(Math.Min(slide.TumorExtracted / 2, slide.NormalCells), slide.NormalExtracted);
        }
        Assert.All(report.Slides.Where(s => s.Role == Data.Entities.SlideRole.Normal), s => Assert.Equal(0, s.TumorExtracted));
        Assert.Equal(report.Extracted, CatalogCells().Count);
    }

    [Fact]
    public async Task TrainingSplitIsBalancedAndSlidesKeepOneSplit()
    {
        await Run(Options());
        using var db = _db.Open();
        var train = db.Patches.Where(p => p.Split == DataSplit.Train).GroupBy(p => p.Label).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(train[PatchLabel.Tumor] > 0);
        Assert.Equal(train[PatchLabel.Tumor], train[PatchLabel.Normal]);
        var splitsPerSlide = db.Patches.GroupBy(p => p.RunSlideId).Select(g => g.Select(p => p.Split).Distinct().Count()).ToList();
        Assert.All(splitsPerSlide, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task StoredPatchesAreTheLosslessCentredContextOfTheirCell()
    {
        await Run(Options());
        using var db = _db.Open();
        var patches = db.Patches.Include(p => p.RunSlide).OrderBy(p => p.Id).Take(12).ToList();
        using var reader = new PatchPackReader(Path.Combine(_work, "out"));
        foreach (var p in patches)
        {
            using var slide = OpenSlideSlide.Open(p.RunSlide!.SlidePath);
            var rect = AnalysisGrid.ContextPatch(p.X, p.Y, 128, 299);
            Assert.Equal((128L * p.X - 85, 128L * p.Y - 85), (rect.X, rect.Y));
            var expected = slide.ReadRegion(new RegionRequest(0, rect.X, rect.Y, 299, 299));
            Assert.Equal(expected.Pixels, reader.Read(new PatchLocation(p.Shard, p.Offset, p.Length)).Pixels);
        }
    }

    [Fact]
    public async Task SameSeedDrawsTheSameCellsAndRunningAgainAddsNothing()
    {
        await Run(Options());
        var first = CatalogCells();
        var again = await Run(Options());
        Assert.Equal(0, again.PatchesWrittenNow);
        Assert.Equal(first, CatalogCells());
    }

    [Fact]
    public async Task CancelledRunResumesToTheSameCatalogWithoutDuplicates()
    {
        using var reference = new TestDatabase();
        var referenceOptions = Options() with { OutputDirectory = Path.Combine(_work, "reference") };
        await new ExtractionRunner(reference.Factory, TimeProvider.System).RunAsync(referenceOptions, null, default);
        using var referenceDb = reference.Open();
        var expected = referenceDb.Patches.Include(p => p.RunSlide).AsEnumerable()
            .Select(p => (p.RunSlide!.Name, p.X, p.Y, p.Label)).OrderBy(c => c).ToList();

        using var cts = new CancellationTokenSource();
        var cancelAfterFirstBatch = new SyncProgress(p => { if (p.Stage == "extract" && p.Done >= 8) cts.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run(Options(batch: 8), cancelAfterFirstBatch, cts.Token));
        using (var db = _db.Open())
        {
            Assert.Equal(RunStatus.Cancelled, db.ExtractionRuns.Single().Status);
            Assert.InRange(db.Patches.Count(), 8, expected.Count - 1);
        }
        var resumed = await Run(Options(batch: 8));
        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.Equal(expected, CatalogCells());
    }

    [Fact]
    public async Task ResumingWithAnotherSeedIsRefusedAndKeepsTheCatalog()
    {
        await Run(Options(seed: 5));
        var before = CatalogCells();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Run(Options(seed: 6)));
        Assert.Contains(Path.Combine(_work, "out"), error.Message);
        Assert.Contains("seed 5 vs 6", error.Message);
        Assert.Equal(before, CatalogCells());
    }

    [Fact]
    public async Task BadSlidesAreRecordedWithTheirErrorWhileTheOthersComplete()
    {
        var damaged = dataset.CopyTo(Path.Combine(_work, "damaged"));
        File.WriteAllText(Path.Combine(damaged, "broken.svs"), "not a slide, only text");
        var firstTumor = dataset.Slides.First(s => s.HasTumor).Name;
        var otherMask = dataset.Slides.Last(s => s.HasTumor).MaskPath;
        var wrongSizeMask = Path.Combine(damaged, $"{firstTumor}_mask.tif");
        File.Delete(wrongSizeMask);
        new MaskImage(300, 250).Fill(0, 0, 50, 50, 255).Save(wrongSizeMask);

        var report = await Run(Options(damaged));

        var broken = report.Slides.Single(s => s.Name == "broken");
        Assert.Equal(SlideStatus.Failed, broken.Status);
        Assert.Contains("broken.svs", broken.Error);
        var mismatched = report.Slides.Single(s => s.Name == firstTumor);
        Assert.Equal(SlideStatus.Failed, mismatched.Status);
        Assert.Contains(wrongSizeMask, mismatched.Error);
        Assert.Contains("300x250", mismatched.Error);
        Assert.Equal(dataset.Slides.Count - 1, report.Slides.Count(s => s.Status == SlideStatus.Completed));
        Assert.True(report.Extracted > 0);
        Assert.True(File.Exists(otherMask));
    }

    [Fact]
    public async Task TruncatedSlidesMalformedXmlAndBlankSlidesFailAloneWithTheirReason()
    {
        var damaged = dataset.CopyTo(Path.Combine(_work, "damaged"));
        var source = dataset.Slides.First(s => s.HasTumor);
        var bytes = await File.ReadAllBytesAsync(source.SlidePath);
        await File.WriteAllBytesAsync(Path.Combine(damaged, "truncated.tif"), bytes[..(bytes.Length / 3)]);
        File.Copy(source.SlidePath, Path.Combine(damaged, "badxml.tif"));
        await File.WriteAllTextAsync(Path.Combine(damaged, "badxml.xml"), "<ASAP_Annotations><Annotations><Annotation");
        File.Copy(source.SlidePath, Path.Combine(damaged, "textslide.tif"));
        await File.WriteAllTextAsync(Path.Combine(damaged, "textslide.tif"), "not a tiff");

        var report = await Run(Options(damaged));

        foreach (var name in new[] { "truncated", "badxml", "textslide" })
        {
            var slide = report.Slides.Single(s => s.Name == name);
            Assert.Equal(SlideStatus.Failed, slide.Status);
            Assert.Contains(name, slide.Error);
        }
        Assert.Contains("malformed XML", report.Slides.Single(s => s.Name == "badxml").Error);
        Assert.Equal(dataset.Slides.Count, report.Slides.Count(s => s.Status == SlideStatus.Completed));
    }

    [Fact]
    public async Task QuPathGeoJsonGivesTheSameTumourCellsAsTheXmlAndBadGeoJsonFailsOnlyItsSlide()
    {
        var folder = dataset.CopyTo(Path.Combine(_work, "geojson"));
        var source = dataset.Slides.First(s => s.HasTumor);
        File.Copy(source.SlidePath, Path.Combine(folder, "geo.tif"));
        var features = AnnotationFeature.Of(AsapAnnotationReader.Read(source.AnnotationPath));
        GeoJsonAnnotationWriter.Write(Path.Combine(folder, "geo.geojson"), features);
        File.Copy(source.SlidePath, Path.Combine(folder, "notjson.tif"));
        await File.WriteAllTextAsync(Path.Combine(folder, "notjson.geojson"), "{\"type\": oops");
        File.Copy(source.SlidePath, Path.Combine(folder, "outside.tif"));
        var far = new Polygon([new(0, 0), new(1e7, 0), new(0, 50)]);
        GeoJsonAnnotationWriter.Write(Path.Combine(folder, "outside.geojson"), [features[0], new AnnotationFeature(far, AnnotationRole.Tumor)]);

        var report = await Run(Options(folder));

        var geo = report.Slides.Single(s => s.Name == "geo");
        Assert.Equal(SlideStatus.Completed, geo.Status);
        Assert.Equal(report.Slides.Single(s => s.Name == source.Name).TumorCells, geo.TumorCells);
        Assert.True(geo.TumorCells > 0);
        Assert.Contains("notjson.geojson: not JSON", report.Slides.Single(s => s.Name == "notjson").Error);
        Assert.Contains("outside.geojson: features[1] (Tumor): coordinate (10000000, 0) is outside the slide", report.Slides.Single(s => s.Name == "outside").Error);
        Assert.Equal(dataset.Slides.Count + 1, report.Slides.Count(s => s.Status == SlideStatus.Completed));
    }

    [Fact]
    public async Task RegionsDrawnInTheAppAreASlidesGroundTruthAndTheRunRecordsTheirHash()
    {
        var square = new Polygon([new(640, 512), new(1664, 512), new(1664, 1280), new(640, 1280)]);
        var drawn = new DrawnAnnotations(new SlideAnnotations([square], []));

        var report = await Run(Options() with { DrawnAnnotations = new Dictionary<string, DrawnAnnotations> { ["normal_001"] = drawn } });

        Assert.Equal(RunStatus.Completed, report.Status);
        using (var db = _db.Open())
        {
            var slide = db.RunSlides.Single(s => s.Name == "normal_001");
            // Cells 5..12 across, 4..9 down: 8 x 6.
            Assert.Equal((48, drawn.Hash, null, null), (slide.TumorCells, slide.AnnotationsHash, slide.MaskPath, slide.AnnotationPath));
            Assert.All(db.RunSlides.Where(s => s.Name != "normal_001"), s => Assert.Null(s.AnnotationsHash));
        }

        var edited = new DrawnAnnotations(new SlideAnnotations([square with { Points = [.. square.Points.Take(3), new(600, 1280)] }], []));
        var resume = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Run(Options() with { DrawnAnnotations = new Dictionary<string, DrawnAnnotations> { ["normal_001"] = edited } }));
        Assert.Contains($"ground truth of normal_001 (drawn annotations {drawn.Hash} vs {edited.Hash})", resume.Message);
    }

    [Fact]
    public async Task SizesInMicronsAtTheSlidesResolutionDrawWhatTheSamePixelsDraw()
    {
        // The synthetic slides are 0.25 µm/px: 32 µm cells are 128 pixels, 74.75 µm patches 299.
        var pixels = await Run(Options());
        using var other = new TestDatabase();
        var options = Options() with { OutputDirectory = Path.Combine(_work, "microns"), PatchMicrons = 74.75 };
        var microns = await new ExtractionRunner(other.Factory, TimeProvider.System)
            .RunAsync(options with { Grid = options.Grid with { CellMicrons = 32 } }, null, CancellationToken.None);

        Assert.Equal(RunStatus.Completed, microns.Status);
        Assert.Equal(pixels.Slides.Select(s => (s.Name, s.TumorCells, s.NormalCells, s.TumorExtracted, s.NormalExtracted)),
            microns.Slides.Select(s => (s.Name, s.TumorCells, s.NormalCells, s.TumorExtracted, s.NormalExtracted)));
        using var db = other.Open();
        var run = db.ExtractionRuns.Single();
        Assert.Equal((32.0, 74.75), (run.CellMicrons, run.PatchMicrons));
    }

    [Fact]
    public async Task PatchesInMicronsAreResampledAndASlideWithoutAResolutionFailsAlone()
    {
        var folder = dataset.CopyTo(Path.Combine(_work, "mixed"));
        var plain = Path.Combine(folder, "plain.tif");
        using (var image = (NetVips.Image.Black(600, 600, bands: 3) + 200).Cast(NetVips.Enums.BandFormat.Uchar))
            image.Tiffsave(plain, tile: true, pyramid: true);

        var report = await Run(Options(folder) with { PatchMicrons = 149.5 });

        Assert.Contains("plain.tif: the slide does not say its resolution", report.Slides.Single(s => s.Name == "plain").Error);
        Assert.Equal(dataset.Slides.Count, report.Slides.Count(s => s.Status == SlideStatus.Completed));
        Assert.True(report.Extracted > 0);
    }

    [Fact]
    public async Task EmptyDatasetFolderIsAnErrorNamingIt()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_work, "empty")).FullName;
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Run(Options(empty)));
        Assert.Contains(empty, error.Message);
    }

    /// <summary>Reports on the caller's thread, so a test can cancel at an exact point.</summary>
    private sealed class SyncProgress(Action<StageProgress> report) : IProgress<StageProgress>
    {
        public void Report(StageProgress value) => report(value);
    }
}
