using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Pipeline.Synthetic;
using TumorWeb.Web.Tests.Datasets;

namespace TumorWeb.Web.Tests.Viewer;

/// <summary>
/// The web app on a temp data folder with two real synthetic slides registered: a 2100 x 1600 tumor
/// slide with its mask (17 x 13 grid cells) and a normal slide without ground truth, plus an
/// evaluation of the tumor slide whose heatmap is written as the pipeline writes it.
/// </summary>
public sealed class ViewerAppFixture : IAsyncLifetime
{
    public const int SlideWidth = 2100;
    public const int SlideHeight = 1600;
    public const int GridWidth = 17;
    public const int GridHeight = 13;

    private readonly string _root = Directory.CreateTempSubdirectory("tumorweb-viewer-").FullName;
    private WebApplicationFactory<Program>? _factory;

    public string DataDirectory => Path.Combine(_root, "data");
    public string DatabaseFile => Path.Combine(DataDirectory, "tumorweb.db");
    public int DatasetId { get; private set; }
    public int TumorSlideId { get; private set; }
    public int NormalSlideId { get; private set; }
    public int EvaluationId { get; private set; }
    public int EvaluationSlideId { get; private set; }

    /// <summary>The heatmap written for the evaluation slide: tissue flags and probabilities per cell, row by row.</summary>
    public HeatmapCells Heatmap { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory => _factory!;

    public async Task InitializeAsync()
    {
        var slides = SyntheticSlideGenerator.Generate(new SynthOptions(Path.Combine(DataDirectory, "slides"), Slides: 2, SlideWidth, SlideHeight, Seed: 11, NormalSlides: 1));
        _factory = new TumorWebFactory(DataDirectory);
        _factory.CreateClient().Dispose();
        var dbFactory = _factory.Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var dataset = new Dataset { Name = "viewer", Folder = Path.Combine(DataDirectory, "slides"), CreatedAt = DateTimeOffset.UtcNow };
        var tumor = Registered(slides[0], withGroundTruth: true);
        var normal = Registered(slides[1], withGroundTruth: false);
        dataset.Slides.AddRange([tumor, normal]);
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync();
        (DatasetId, TumorSlideId, NormalSlideId) = (dataset.Id, tumor.Id, normal.Id);

        var heatmapFolder = Path.Combine(DataDirectory, "runs", "evaluation-1", slides[0].Name);
        WriteHeatmap(heatmapFolder);
        var evaluation = new EvaluationRun { ModelPath = "baseline.json", OutputDirectory = Path.GetDirectoryName(heatmapFolder)!, Status = RunStatus.Completed, CreatedAt = DateTimeOffset.UtcNow };
        evaluation.Slides.Add(new EvaluationSlide { Name = slides[0].Name, SlidePath = slides[0].SlidePath, HeatmapDirectory = heatmapFolder, AucTissue = 0.9, Status = SlideStatus.Completed });
        db.EvaluationRuns.Add(evaluation);
        await db.SaveChangesAsync();
        (EvaluationId, EvaluationSlideId) = (evaluation.Id, evaluation.Slides[0].Id);
    }

    private static RegisteredSlide Registered(SyntheticSlide slide, bool withGroundTruth) => new()
    {
        Name = slide.Name,
        SlidePath = slide.SlidePath,
        MaskPath = withGroundTruth ? slide.MaskPath : null,
        Vendor = "generic-tiff",
        Width = slide.Width,
        Height = slide.Height,
        Role = withGroundTruth ? SlideRole.Tumor : SlideRole.Normal,
    };

    /// <summary>Tissue on the left half of the grid, probability rising with x.</summary>
    private void WriteHeatmap(string folder)
    {
        Directory.CreateDirectory(folder);
        var count = GridWidth * GridHeight;
        var tissue = Enumerable.Range(0, count).Select(i => i % GridWidth < GridWidth / 2).ToArray();
        var probabilities = Enumerable.Range(0, count).Select(i => tissue[i] ? (i % GridWidth) / (float)(GridWidth - 1) : 0f).ToArray();
        Heatmap = new HeatmapCells(GridWidth, GridHeight, tissue, null, probabilities);
        var files = new HeatmapFiles(folder);
        NpyFile.Write(probabilities, GridHeight, GridWidth, files.Probabilities);
        CellCsv.Write(files.Cells, Heatmap);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
