using Microsoft.Extensions.DependencyInjection.Extensions;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Features.Sharing;

public static class SharingServiceCollectionExtensions
{
    /// <summary>Share links: the service behind the share panel, the API and the public /share pages.</summary>
    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<ShareLinks>();
        services.AddOptions();
        services.TryAddSingleton<ShareLinkBase>();
        return services;
    }

    public static IEndpointRouteBuilder MapSharing(this IEndpointRouteBuilder app)
    {
        // Resolved now so that a PublicBaseUrl that is not an address stops the start, not the first share.
        app.ServiceProvider.GetRequiredService<ShareLinkBase>();
        ShareEndpoints.Map(app);
        SharesApi.Map(app);
        return app;
    }
}
