using TumorWeb.Data;

namespace TumorWeb.Web.Hosting;

public static class HostingServiceCollectionExtensions
{
    /// <summary>Options, resolved paths and the SQLite database the web app runs on.</summary>
    public static IServiceCollection AddTumorWebHosting(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.Configure<TumorWebOptions>(configuration.GetSection(TumorWebOptions.Section));
        services.AddSingleton<TumorWebPaths>();
        var options = configuration.GetSection(TumorWebOptions.Section).Get<TumorWebOptions>() ?? new TumorWebOptions();
        var paths = new TumorWebPaths(Microsoft.Extensions.Options.Options.Create(options), environment);
        services.AddData($"Data Source={paths.DatabaseFile}");
        return services.AddHostedService<DatabaseStartup>();
    }
}
