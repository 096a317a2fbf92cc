using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace TumorWeb.Tests;

/// <summary>
/// The real app over a temp data folder (which is also the data root); demo dataset off unless asked;
/// <paramref name="settings"/> are more configuration keys ("TumorWeb:Accounts:AdminPassword");
/// <paramref name="environment"/> replaces the factory's default (Development) when given.
/// The one test host of the test projects that reference the app.
/// </summary>
public class TumorWebFactory(string dataDirectory, bool demo = false, Action<IServiceCollection>? services = null,
    IReadOnlyDictionary<string, string>? settings = null, string? environment = null)
    : WebApplicationFactory<Program>
{
    public string DataDirectory => dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("TumorWeb:DataDirectory", dataDirectory);
        builder.UseSetting("TumorWeb:DataRoots:0", dataDirectory);
        builder.UseSetting("TumorWeb:DemoDataset", demo ? "true" : "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        if (environment is not null) builder.UseEnvironment(environment);
        if (services is not null) builder.ConfigureServices(services);
    }
}
