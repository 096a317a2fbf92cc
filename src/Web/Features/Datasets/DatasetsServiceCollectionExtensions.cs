using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TumorWeb.Web.Features.Datasets;

public static class DatasetsServiceCollectionExtensions
{
    /// <summary>The dataset registry, its background scans, thumbnails, and the demo dataset on a first start.</summary>
    public static IServiceCollection AddDatasets(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Accounts.AuditLog>();
        services.AddSingleton<DatasetRoots>();
        services.AddSingleton<DatasetLifetimes>();
        services.AddSingleton<SlideThumbnails>();
        services.AddSingleton<DatasetScans>();
        services.AddSingleton<DatasetRegistry>();
        services.AddSingleton<DatasetQueries>();
        services.AddSingleton<DataRootsAdmin>();
        // TumorWeb:Demo:{Slides,Side,NormalSlides,Seed,TumorSlideThreshold} give a smaller or larger demo.
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("TumorWeb:Demo").Get<DemoDatasetOptions>() ?? new DemoDatasetOptions());
        services.AddHostedService<DataRootsStartup>();
        services.AddHostedService<DatasetScanResume>();
        return services.AddHostedService<DemoDatasetService>();
    }
}
