namespace TumorWeb.Web.Features.Annotations;

public static class AnnotationsServiceCollectionExtensions
{
    /// <summary>The store of regions drawn in the viewer.</summary>
    public static IServiceCollection AddAnnotations(this IServiceCollection services) => services.AddSingleton<AppAnnotations>();
}
