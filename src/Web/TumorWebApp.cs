using MudBlazor.Services;
using TumorWeb.Web.Components;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Features.Annotations;
using TumorWeb.Web.Features.Datasets;
using TumorWeb.Web.Features.Jobs;
using TumorWeb.Web.Features.Runs;
using TumorWeb.Web.Features.Sharing;
using TumorWeb.Web.Features.Viewer;
using TumorWeb.Web.Hosting;

namespace TumorWeb.Web;

/// <summary>The Blazor Server web app: one AddX per feature, then the endpoints.</summary>
public static class TumorWebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = WebRoot.Find() });
        // The app runs from the repository (data/ is relative to it) while its defaults ship next to the binary.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = true,
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
        });
        // Serves MudBlazor's and the framework's files straight from the build output when not published.
        builder.WebHost.UseStaticWebAssets();

        builder.Services.AddTumorWebHosting(builder.Configuration, builder.Environment);
        builder.Services.AddAccounts(builder.Configuration, TumorWebPaths.From(builder.Configuration, builder.Environment).KeysDirectory);
        builder.Services.AddMudServices();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Hosted services start in this order: migrations, demo dataset, job worker.
        builder.Services.AddDatasets();
        builder.Services.AddJobs(builder.Configuration);
        builder.Services.AddViewer();
        builder.Services.AddRuns();
        builder.Services.AddSharing();
        builder.Services.AddAnnotations();

        var app = builder.Build();
        app.UseKnownProxies();
        app.UseSecurityHeaders();
        app.UseApiRequestLimits();
        app.UseCrossSiteRefusal();
        app.UseNotFoundPage();
        // Files of the root wwwroot/ (styles, npm scripts) are public and served before routing, which
        // would otherwise match them to MapStaticAssets' catch-all fallback behind the sign-in.
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        // Styles and scripts are public: the sign-in page needs them before anyone is signed in.
        app.MapStaticAssets().AllowAnonymous();
        // SecurityHeaders sends frame-ancestors 'none'; Blazor's own 'self' would be a second, weaker policy.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAccounts();
        app.MapDatasets();
        app.MapJobs();
        app.MapViewer();
        app.MapRuns();
        app.MapSharing();
        app.MapAnnotationsApi();
        return app;
    }
}
