using Microsoft.Extensions.Options;

namespace TumorWeb.Web.Features.Viewer;

public static class ViewerServiceCollectionExtensions
{
    /// <summary>Open slides, the tile cache and the overlay builders of the slide viewer.</summary>
    public static IServiceCollection AddViewer(this IServiceCollection services)
    {
        services.AddOptions<ViewerOptions>().BindConfiguration(ViewerOptions.Section);
        services.AddSingleton<SlideHandles>();
        services.AddSingleton(provider => new TileCache(provider.GetRequiredService<IOptions<ViewerOptions>>().Value.TileCacheBytes));
        services.AddSingleton<SlideTiles>();
        services.AddSingleton<SlideOverlays>();
        services.AddSingleton<GroundTruthExport>();
        return services.AddSingleton<HeatmapOverlays>();
    }

    /// <summary>The tile and overlay endpoints.</summary>
    public static IEndpointRouteBuilder MapViewer(this IEndpointRouteBuilder app)
    {
        app.MapTiles();
        app.MapOverlays();
        return app;
    }
}
