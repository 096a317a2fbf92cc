using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace TumorWeb.Web.Tests.Datasets;

/// <summary>
/// The real app over a temp data folder (which is also the data root); demo dataset off unless asked;
/// <paramref name="settings"/> are more configuration keys ("TumorWeb:Accounts:AdminPassword").
/// </summary>
public sealed class TumorWebFactory(string dataDirectory, bool demo = false, Action<IServiceCollection>? services = null,
    IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("TumorWeb:DataDirectory", dataDirectory);
        builder.UseSetting("TumorWeb:DataRoots:0", dataDirectory);
        builder.UseSetting("TumorWeb:DemoDataset", demo ? "true" : "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureServices(services);
    }
}
