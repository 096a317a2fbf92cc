namespace TumorWeb.Web.Features.Api;

public static class ApiEndpoints
{
    /// <summary>The JSON API under /api (see docs/api.md). Everything is addressed by id.</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        DatasetsApi.Map(api);
        JobsApi.Map(api);
        ExtractionsApi.Map(api);
        TrainingApi.Map(api);
        EvaluationsApi.Map(api);
        return endpoints;
    }
}
