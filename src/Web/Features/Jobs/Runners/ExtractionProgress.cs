using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Pipeline.Progress;

namespace TumorWeb.Web.Features.Jobs.Runners;

/// <summary>
/// Turns the extraction's two stages into one fraction (grids first, then patches) and links the
/// job to its run at the first report: the runner has saved the run's row by then.
/// </summary>
public sealed class ExtractionProgress(JobContext context, IDbContextFactory<TumorWebDbContext> dbFactory, string outputDirectory)
    : IProgress<StageProgress>
{
    public const string GridStage = "grid";
    public const double GridShare = 0.3;

    private readonly string _output = Path.GetFullPath(outputDirectory);

    public void Report(StageProgress value)
    {
        if (context.RunId is null) LinkToRun();
        context.Report(Overall(value), Message(value));
    }

    /// <summary>The grid stage fills the first 30 % of the bar, the patch stage the rest.</summary>
    public static double Overall(StageProgress value) =>
        value.Stage == GridStage ? GridShare * value.Fraction : GridShare + (1 - GridShare) * value.Fraction;

    public static string Message(StageProgress value) => value.Stage == GridStage
        ? $"grid {value.Done}/{value.Total}" + (value.Item is null ? "" : $" · {value.Item}")
        : $"patches {value.Done}/{value.Total}" + (value.Item is null ? "" : $" · {value.Item}");

    private void LinkToRun()
    {
        using var db = dbFactory.CreateDbContext();
        var runId = db.ExtractionRuns.Where(r => r.OutputDirectory == _output).Select(r => (int?)r.Id).FirstOrDefault();
        if (runId is { } id) context.Link(id);
    }
}
