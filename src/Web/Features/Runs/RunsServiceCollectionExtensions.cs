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

    public static IEndpointRouteBuilder MapRuns(this IEndpointRouteBuilder app) => app.MapPatchImages();
}
