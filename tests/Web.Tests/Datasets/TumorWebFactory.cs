using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace TumorWeb.Web.Tests.Datasets;

/// <summary>The real app over a temp data folder (which is also the data root); demo dataset off unless asked.</summary>
public sealed class TumorWebFactory(string dataDirectory, bool demo = false, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("TumorWeb:DataDirectory", dataDirectory);
        builder.UseSetting("TumorWeb:DataRoots:0", dataDirectory);
        builder.UseSetting("TumorWeb:DemoDataset", demo ? "true" : "false");
        if (services is not null) builder.ConfigureServices(services);
    }
}
