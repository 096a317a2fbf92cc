using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace TumorWeb.Web.Tests.Accounts;

/// <summary>
/// The test server has no socket; this makes every request arrive from 127.0.0.1, as from a reverse
/// proxy or any other process on the app's machine.
/// </summary>
public sealed class FromLoopback : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(nextMiddleware => context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
