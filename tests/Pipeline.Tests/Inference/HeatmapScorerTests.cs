using TumorWeb.Pipeline.Grid;
using TumorWeb.Pipeline.Inference;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Pipeline.Stain;
using TumorWeb.Pipeline.Tests.Grid;

namespace TumorWeb.Pipeline.Tests.Inference;

public class HeatmapScorerTests
{
    // 12 x 9 cells of 16 pixels, the last column and row partial; patches of 37 centred on the cells.
    private const int CellSize = 16;
    private const int PatchSize = 37;
    private const int Width = 12 * CellSize - 5;
    private const int Height = 9 * CellSize - 3;

    private static CellMask Tissue()
    {
        var tissue = new CellMask(12, 9);
        for (var y = 0; y < 9; y++)
        for (var x = 0; x < 12; x++)
            tissue[x, y] = (x * 7 + y * 3) % 5 != 0;
        return tissue;
    }

    private static float CellScore((int X, int Y) cell) => (cell.X + 12 * cell.Y + 1) / 1000f;

    private static RecordingClassifier CellNamer(List<(int X, int Y)> seen, Action<int>? beforeCall = null) =>
        new(PatchSize, patch =>
        {
            var cell = CoordinateSlide.CentreCell(patch, PatchSize);
            seen.Add(cell);
            return CellScore(cell);
        }, beforeCall);

    private static Task<HeatmapScores> Score(ISlide slide, IPatchClassifier model, int batchSize, CancellationToken ct = default,
        RecordingProgress? progress = null) =>
        HeatmapScorer.ScoreAsync(slide, Tissue(), CellSize, model, new HeatmapOptions { BatchSize = batchSize, ReaderThreads = 3 }, progress, ct);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public async Task EveryTissueCellIsScoredOnceInRowOrderAndOtherCellsScoreZero(int batchSize)
    {
        using var slide = new CoordinateSlide(Width, Height, CellSize);
        var seen = new List<(int X, int Y)>();
        var scores = await Score(slide, CellNamer(seen), batchSize);

        var tissue = Tissue();
        Assert.Equal(tissue.Cells().ToList(), seen);
        Assert.Equal(tissue.Count, scores.ScoredCells);
        for (var y = 0; y < 9; y++)
        for (var x = 0; x < 12; x++)
            Assert.Equal(tissue[x, y] ? CellScore((x, y)) : 0f, scores.Probabilities[y * 12 + x]);
    }

    [Fact]
    public async Task BatchesHoldBatchSizePatchesAndTheRestGoesLast()
    {
        using var slide = new CoordinateSlide(Width, Height, CellSize);
        var model = CellNamer([]);
        await Score(slide, model, 7);
        var count = Tissue().Count;
        Assert.Equal(86, count);
        Assert.Equal(Enumerable.Repeat(7, 12).Append(2), model.BatchSizes);
    }

    [Fact]
    public async Task ReadingNeverRunsMoreThanThreeBatchesAheadOfTheModel()
    {
        using var slide = new CoordinateSlide(Width, Height, CellSize);
        var cells = Tissue().Cells().ToList();
        var readAtCall = new List<int>();
        await Score(slide, CellNamer([], _ => readAtCall.Add(slide.CellsRead(cells, CellSize, PatchSize))), 4);
        Assert.Equal(22, readAtCall.Count);
        for (var call = 0; call < readAtCall.Count; call++)
            Assert.InRange(readAtCall[call], Math.Min(86, (call + 1) * 4), (call + HeatmapScorer.BatchesInFlight) * 4);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(64, 1)]
    [InlineData(64, 3)]
    public async Task PatchesCutFromStripsEqualPatchesReadOneByOne(int batchSize, int readers)
    {
        using var slide = new CoordinateSlide(Width, Height, CellSize);
        var model = new RecordingClassifier(PatchSize, _ => 0f);
        await HeatmapScorer.ScoreAsync(slide, Tissue(), CellSize, model, new HeatmapOptions { BatchSize = batchSize, ReaderThreads = readers }, null, default);
        var expected = Tissue().Cells().Select(cell =>
        {
            var rect = AnalysisGrid.ContextPatch(cell.X, cell.Y, CellSize, PatchSize);
            return RecordingClassifier.Fingerprint(slide.ReadRegion(new RegionRequest(0, rect.X, rect.Y, PatchSize, PatchSize)).Pixels);
        });
        Assert.Equal(expected, model.Fingerprints);
    }

    [Fact]
    public async Task ResampledPatchesGetTheColourTransformToo()
    {
        using var slide = new CoordinateSlide(Width, Height, CellSize);
        var options = new HeatmapOptions { BatchSize = 16, ReaderThreads = 3 };
        var plain = new List<byte[]>();
        var coloured = new List<byte[]>();
        await HeatmapScorer.ScoreAsync(slide, Tissue(), CellSize, Recorder(plain), options, null, default, contextPixels: 2 * PatchSize);
        await HeatmapScorer.ScoreAsync(slide, Tissue(), CellSize, Recorder(coloured), options, null, default, contextPixels: 2 * PatchSize,
            color: new InvertedColour());

        Assert.Equal(Tissue().Count, coloured.Count);
        Assert.Equal(plain.Select(patch => patch.Select(b => (byte)(255 - b)).ToArray()), coloured);
    }

    private static RecordingClassifier Recorder(List<byte[]> patches) => new(PatchSize, patch =>
    {
        patches.Add(patch.ToArray());
        return 0f;
    });

    private sealed class InvertedColour : IPatchColor
    {
        public void Apply(Span<byte> rgb)
        {
            for (var i = 0; i < rgb.Length; i++) rgb[i] = (byte)(255 - rgb[i]);
        }
    }

    [Fact]
    public void NeighboursInARowFormRunsUpToTheLimit()
    {
        (int X, int Y)[] cells = [(1, 0), (2, 0), (3, 0), (5, 0), (6, 0), (7, 1), (0, 2), (1, 2), (2, 2), (3, 2), (4, 2)];
        Assert.Equal([(0, 3), (3, 2), (5, 1), (6, 3), (9, 2)], CellRuns.Split(cells, 3));
        Assert.Equal([(0, 1), (1, 1)], CellRuns.Split([(1, 0), (2, 0)], 1));
        Assert.Empty(CellRuns.Split([], 4));
    }

    [Fact]
    public async Task CancellingStopsScoringAtTheNextBatch()
    {
        using var slide = new CoordinateSlide(Width, Height, CellSize);
        using var cts = new CancellationTokenSource();
        var model = CellNamer([], call => { if (call == 1) cts.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Score(slide, model, 8, cts.Token));
        Assert.Equal([8, 8], model.BatchSizes);
    }

    [Fact]
    public async Task AlreadyCancelledTokenScoresNothing()
    {
        using var slide = new CoordinateSlide(Width, Height, CellSize);
        var model = CellNamer([]);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Score(slide, model, 8, new CancellationToken(true)));
        Assert.Empty(model.BatchSizes);
    }

    [Fact]
    public async Task SlideReadFailureSurfacesWithTheSlidesMessage()
    {
        using var slide = new CoordinateSlide(Width, Height, CellSize, failAt: (6, 4));
        var error = await Assert.ThrowsAsync<SlideException>(() => Score(slide, CellNamer([]), 8));
        Assert.Equal("coordinates.tif: unreadable tile", error.Message);
    }

    [Fact]
    public async Task ModelReturningTheWrongNumberOfScoresIsAnError()
    {
        using var slide = new CoordinateSlide(Width, Height, CellSize);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Score(slide, new FixedOutputClassifier([0.5f], PatchSize), 8));
        Assert.Equal("model 'broken' returned 1 scores for 8 patches (batch starting at cell (1, 0))", error.Message);
    }

    [Fact]
    public async Task ModelReturningSomethingOtherThanAProbabilityIsAnError()
    {
        using var slide = new CoordinateSlide(Width, Height, CellSize);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Score(slide, new FixedOutputClassifier([0.5f, float.NaN], PatchSize), 2));
        Assert.Equal("model 'broken' scored cell (2, 0) NaN, not a probability in [0, 1]", error.Message);
    }

    [Fact]
    public async Task ProgressCountsTissueCellsAndEndsAtTheTotal()
    {
        using var slide = new CoordinateSlide(Width, Height, CellSize);
        var progress = new RecordingProgress();
        await Score(slide, CellNamer([]), 16, progress: progress);
        var reports = progress.Reports.ToList();
        Assert.All(reports, r => Assert.Equal((HeatmapScorer.Stage, 86L), (r.Stage, r.Total)));
        Assert.Equal(0, reports[0].Done);
        Assert.Equal(86, reports[^1].Done);
    }
}
