using TumorWeb.Data;

namespace TumorWeb.Web.Hosting;

public static class HostingServiceCollectionExtensions
{
    /// <summary>Options, resolved paths and the database the web app runs on (<see cref="AppDatabase"/>).</summary>
    public static IServiceCollection AddTumorWebHosting(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.Configure<TumorWebOptions>(configuration.GetSection(TumorWebOptions.Section));
        services.AddSingleton<TumorWebPaths>();
        var paths = TumorWebPaths.From(configuration, environment);
        services.AddData(AppDatabase.Choose(TumorWebOptions.From(configuration), paths.DatabaseFile));
        // A body that does not bind throws, so ApiRequests can answer with what is wrong instead of an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services.AddHostedService<DatabaseStartup>();
    }
}
