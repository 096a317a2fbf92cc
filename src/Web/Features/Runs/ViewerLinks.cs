using Microsoft.EntityFrameworkCore;
using TumorWeb.Data;
using TumorWeb.Data.Entities;

namespace TumorWeb.Web.Features.Runs;

/// <summary>Finds the registered slide an evaluated slide came from, to open it in the viewer.</summary>
public static class ViewerLinks
{
    /// <summary>
    /// Evaluation slide id → registered slide id: the same file path first, else the same name in
    /// the evaluation's dataset (a dataset folder may have been registered from another mount).
    /// </summary>
    public static IReadOnlyDictionary<int, int> Match(IEnumerable<EvaluationSlide> evaluated, IReadOnlyList<RegisteredSlide> registered, int? datasetId)
    {
        var byPath = registered.GroupBy(s => Normalize(s.SlidePath)).ToDictionary(g => g.Key, g => g.First().Id);
        var byName = registered.Where(s => s.DatasetId == datasetId).GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().Id);
        var links = new Dictionary<int, int>();
        foreach (var slide in evaluated)
        {
            if (byPath.TryGetValue(Normalize(slide.SlidePath), out var id) || byName.TryGetValue(slide.Name, out id))
                links[slide.Id] = id;
        }
        return links;
    }

    /// <summary>The registered slide of each of the run's slides that has one (the run's Slides must be loaded).</summary>
    public static async Task<IReadOnlyDictionary<int, int>> ForEvaluationAsync(TumorWebDbContext db, EvaluationRun run, CancellationToken ct = default)
    {
        var names = run.Slides.Select(s => s.Name).ToList();
        var paths = run.Slides.Select(s => s.SlidePath).ToList();
        var registered = await db.RegisteredSlides.Where(s => paths.Contains(s.SlidePath) || (s.DatasetId == run.DatasetId && names.Contains(s.Name)))
            .AsNoTracking().ToListAsync(ct);
        return Match(run.Slides, registered, run.DatasetId);
    }

    /// <summary>The registered slide shown for one slide of an evaluation, or null when the evaluation has no such slide or it is not registered.</summary>
    public static async Task<int?> RegisteredSlideAsync(IDbContextFactory<TumorWebDbContext> dbFactory, int evaluationId, int evaluationSlideId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slide = await db.EvaluationSlides.Include(s => s.EvaluationRun).AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == evaluationSlideId && s.EvaluationRunId == evaluationId, ct);
        if (slide?.EvaluationRun is not { } run) return null;
        run.Slides = [slide];
        return (await ForEvaluationAsync(db, run, ct)).TryGetValue(slide.Id, out var id) ? id : null;
    }

    public static string Href(int registeredSlideId, int evaluationId, int evaluationSlideId) =>
        $"slides/{registeredSlideId}?evaluation={evaluationId}&slide={evaluationSlideId}";

    private static string Normalize(string path) => string.IsNullOrEmpty(path) ? "" : Path.GetFullPath(path);
}
