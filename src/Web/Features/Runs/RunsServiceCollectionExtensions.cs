using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TumorWeb.Web.Features.Runs;

public static class RunsServiceCollectionExtensions
{
    /// <summary>What the extraction, training, evaluation and compare pages need beyond the job queue.</summary>
    public static IServiceCollection AddRuns(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services.AddSingleton<PatchImages>();
    }

    /// <summary>/api/extractions, /api/training, /api/evaluations (see docs/api.md) and the patch images.</summary>
    public static IEndpointRouteBuilder MapRuns(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        ExtractionsApi.Map(api);
        TrainingApi.Map(api);
        EvaluationsApi.Map(api);
        return app.MapPatchImages();
    }
}
