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
        return services;
    }

    public static IEndpointRouteBuilder MapSharing(this IEndpointRouteBuilder app)
    {
        ShareEndpoints.Map(app);
        SharesApi.Map(app);
        return app;
    }
}
