using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace TumorWeb.Web.Tests.Components;

/// <summary>
/// The one bUnit setup for TumorWeb's components: MudBlazor services and loose JS interop, so
/// MudBlazor's and our own interop calls return defaults instead of failing the render.
/// Derive a test class from it and add the services the page under test injects.
/// </summary>
public abstract class ComponentTestContext : BunitContext
{
    protected ComponentTestContext() => this.AddTestServices();
}

public static class ComponentTestServices
{
    public static BunitContext AddTestServices(this BunitContext context)
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices(options =>
        {
            // Pages render without MainLayout (which holds the providers) in a component test.
            options.PopoverOptions.CheckForPopoverProvider = false;
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        return context;
    }
}
