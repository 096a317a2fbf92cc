using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Queue;
using TumorWeb.Web.Features.Jobs.Runners;

namespace TumorWeb.Web.Tests.Jobs;

/// <summary>The API's cellMicrons, patchMicrons and mpp reach the extraction's options.</summary>
public class ExtractionMicronsParametersTests
{
    [Fact]
    public void CellAndPatchMicronsFromTheJsonBodyBecomeTheExtractionsSizes()
    {
        var job = new Job { Id = 7, Parameters = """{"datasetId":3,"cellMicrons":32,"patchMicrons":149.5}""" };
        var parameters = JobParametersJson.Read<ExtractionJobParameters>(job);

        var options = ExtractionJobRunner.OptionsFor(parameters, new Dataset { Id = 3, Folder = "/data/nodes" }, "/data/runs/x");

        Assert.Equal(32, options.Grid.CellMicrons);
        Assert.Equal(149.5, options.PatchMicrons);
        Assert.Equal(299, options.PatchSize);
    }

    [Fact]
    public void AGivenMppIsTheGridsResolutionForEverySlide()
    {
        var job = new Job { Id = 7, Parameters = """{"datasetId":3,"cellMicrons":64,"mpp":0.5}""" };

        var options = ExtractionJobRunner.OptionsFor(JobParametersJson.Read<ExtractionJobParameters>(job), new Dataset { Id = 3, Folder = "/data/nodes" }, "/data/runs/x");

        Assert.Equal((64.0, 0.5), (options.Grid.CellMicrons, options.Grid.Mpp));
    }

    [Fact]
    public void WithoutMicronsTheSizesStayInPixels()
    {
        var options = ExtractionJobRunner.OptionsFor(new ExtractionJobParameters(3), new Dataset { Id = 3, Folder = "/data/nodes" }, "/data/runs/x");
        Assert.Null(options.Grid.CellMicrons);
        Assert.Null(options.PatchMicrons);
        Assert.Null(options.Grid.Mpp);
        Assert.Equal(128, options.Grid.CellSize);
    }
}
