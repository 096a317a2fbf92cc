using System.Runtime.CompilerServices;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Tests.Components;

/// <summary>
/// The one bUnit setup for TumorWeb's components: MudBlazor services, loose JS interop (so
/// MudBlazor's and our own interop calls return defaults instead of failing the render) and a
/// signed-in Operator "tester"; <see cref="ComponentTestServices.SignInAs"/> switches the role.
/// Derive a test class from it and add the services the page under test injects.
/// </summary>
public abstract class ComponentTestContext : BunitContext
{
    protected ComponentTestContext() => this.AddTestServices();
}

public static class ComponentTestServices
{
    public const string UserName = "tester";
    private static readonly ConditionalWeakTable<BunitContext, BunitAuthorizationContext> Authorizations = new();

    public static BunitContext AddTestServices(this BunitContext context)
    {
        Authorizations.Add(context, context.AddAuthorization());
        context.SignInAs(LabRoles.Operator);
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

    /// <summary>The signed-in user gets <paramref name="role"/> and the policies the app grants that role.</summary>
    public static void SignInAs(this BunitContext context, string role)
    {
        var authorization = Authorizations.GetValue(context, c => c.AddAuthorization());
        authorization.SetAuthorized(UserName);
        authorization.SetRoles(role);
        authorization.SetPolicies(role switch
        {
            LabRoles.Admin => [LabRoles.OperatePolicy, LabRoles.AdminPolicy],
            LabRoles.Operator => [LabRoles.OperatePolicy],
            _ => [],
        });
    }

    /// <summary>The signed-in user's id claim, for pages that act on the user's own rows (their API tokens).</summary>
    public static void SetUserId(this BunitContext context, string userId) =>
        Authorizations.GetValue(context, c => c.AddAuthorization()).SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
}
