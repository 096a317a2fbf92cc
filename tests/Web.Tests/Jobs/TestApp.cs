using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorWeb.Data;
using TumorWeb.Data.Entities;
using TumorWeb.Web.Features.Api;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Jobs.Notifications;
using TumorWeb.Web.Features.Jobs.Queue;
using TumorWeb.Web.Tests.Accounts;

namespace TumorWeb.Web.Tests.Jobs;

/// <summary>
/// The real web app on a temp data folder and a real SQLite file, run as in production, with the
/// job API's steps. Several instances in turn on the same folder model restarts of the app.
/// </summary>
/// <param name="gate">Holds running jobs where a test needs them to wait; none when null.</param>
/// <param name="settings">More configuration keys, e.g. the cluster database.</param>
public sealed class TestApp(string dataDirectory, int maxConcurrentJobs = 1, JobGate? gate = null, IReadOnlyDictionary<string, string>? settings = null)
    : TumorWebFactory(dataDirectory, settings: new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
    {
        ["TumorWeb:MaxConcurrentJobs"] = maxConcurrentJobs.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }, environment: "Production")
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (gate is not null)
            builder.ConfigureTestServices(services => services.AddSingleton<IRunNotifier>(sp =>
                new GatedRunNotifier(sp.GetRequiredService<RunNotifier>(), sp.GetRequiredService<JobSignals>(), gate)));
    }

    public IDbContextFactory<TumorWebDbContext> Db => Services.GetRequiredService<IDbContextFactory<TumorWebDbContext>>();

    /// <summary>A dataset row and its slides, as the datasets feature registers them.</summary>
    public async Task<(int DatasetId, List<int> SlideIds)> RegisterDatasetAsync(string folder)
    {
        await using var db = await Db.CreateDbContextAsync();
        var dataset = new Dataset { Name = Path.GetFileName(folder), Folder = folder, CreatedAt = DateTimeOffset.UtcNow };
        foreach (var slide in Pipeline.Datasets.DatasetScanner.Scan(folder))
            dataset.Slides.Add(new RegisteredSlide { Name = slide.Name, SlidePath = slide.SlidePath, MaskPath = slide.MaskPath, AnnotationPath = slide.AnnotationPath });
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync();
        return (dataset.Id, dataset.Slides.Select(s => s.Id).ToList());
    }

    public async Task<JobView> PostJobAsync(string kind, object parameters)
    {
        var response = await this.CreateClientAs().PostAsJsonAsync($"/api/jobs/{kind}", parameters, Json);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/jobs/{kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JobView>(Json))!;
    }

    public async Task<T> GetAsync<T>(string url)
    {
        var response = await this.CreateClientAs().GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    /// <summary>Polls the job through the API until it reaches a final status (or fails the test after <paramref name="timeout"/>).</summary>
    public async Task<JobView> WaitForFinalAsync(int jobId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var job = await GetAsync<JobView>($"/api/jobs/{jobId}");
            if (job.Status is not (RunStatus.Queued or RunStatus.Running)) return job;
            Assert.True(DateTime.UtcNow < deadline, $"job {jobId} still {job.Status} after {timeout}: {job.Message}");
            await Task.Delay(100);
        }
    }

    public HubConnection HubConnection() => new HubConnectionBuilder()
        .WithUrl(new Uri(Server.BaseAddress, "hubs/runs"), o =>
        {
            o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
            o.AccessTokenProvider = () => Task.FromResult<string?>(this.TokenFor());
            o.Transports = HttpTransportType.LongPolling;
        })
        .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
        .Build();
}
