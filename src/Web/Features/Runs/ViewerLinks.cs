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

    public static string Href(int registeredSlideId, int evaluationId, int evaluationSlideId) =>
        $"slides/{registeredSlideId}?evaluation={evaluationId}&slide={evaluationSlideId}";

    private static string Normalize(string path) => string.IsNullOrEmpty(path) ? "" : Path.GetFullPath(path);
}
