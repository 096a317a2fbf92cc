using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Hostile;

/// <summary>With TumorWeb:PublicBaseUrl set, share links start with it whatever the request said its host was.</summary>
public sealed class PublicBaseUrlTests : TempAppTest
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["TumorWeb:PublicBaseUrl"] = "https://tumorweb.lab.example/",
        ["TumorWeb:KnownProxies:0"] = "127.0.0.1",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IStartupFilter>(new FromLoopback());

    [Fact]
    public async Task ShareUrlsStartWithThePublicBaseUrlEvenBehindAListedProxy()
    {
        using var operatorClient = App.CreateClientAs(LabRoles.Operator);
        operatorClient.DefaultRequestHeaders.Add("X-Forwarded-Host", "phish.example");

        var url = await SeededShares.CreateAsync(App, operatorClient);

        Assert.StartsWith("https://tumorweb.lab.example/share/s_", url);
    }
}
