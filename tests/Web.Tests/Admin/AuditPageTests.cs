using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TumorWeb.Web.Components.Pages.Admin;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Tests.Admin;

/// <summary>The audit page: newest first, filtered by user and action, admins only.</summary>
public sealed class AuditPageTests : IAsyncDisposable
{
    private readonly AccountsTestContext _context = new();

    [Fact]
    public async Task EntriesAreListedNewestFirstAndFilteredByUserAndAction()
    {
        await _context.SignInAsStoredUserAsync(LabRoles.Admin);
        var audit = _context.Services.GetRequiredService<AuditLog>();
        await audit.RecordAsync("alice", AuditActions.JobStart, "job 1");
        await audit.RecordAsync("bob", AuditActions.JobCancel, "job 1");
        await audit.RecordAsync("alice", AuditActions.JobCancel, "job 2", "by hand");
        var page = _context.Render<AuditPage>();

        var all = Rows(page);
        page.Find(".tw-audit-user input").Input("alice");
        page.Find(".tw-audit-apply").Click();
        var alices = Rows(page);
        var action = page.FindComponent<MudSelect<string>>();
        await page.InvokeAsync(() => action.Instance.ValueChanged.InvokeAsync(AuditActions.JobCancel));
        var alicesCancels = Rows(page);

        Assert.Equal(["alice job.cancel job 2 by hand", "bob job.cancel job 1", "alice job.start job 1"], all.Take(3));
        Assert.Contains(all, r => r.StartsWith("system user.create user tester", StringComparison.Ordinal));
        Assert.Equal(["alice job.cancel job 2 by hand", "alice job.start job 1"], alices);
        Assert.Equal(["alice job.cancel job 2 by hand"], alicesCancels);
    }

    [Fact]
    public void TheActionFilterOffersEveryVerbButNotTheSystemUser()
    {
        Assert.Contains(AuditActions.UserCreate, AuditActionChoices.All);
        Assert.Contains(AuditActions.TokenRevoke, AuditActionChoices.All);
        Assert.Contains(AuditActions.JobStart, AuditActionChoices.All);
        Assert.DoesNotContain(AuditActions.System, AuditActionChoices.All);
        Assert.Equal(AuditActionChoices.All.Order(StringComparer.Ordinal), AuditActionChoices.All);
    }

    [Fact]
    public async Task AViewerRenderingThePageGetsARefusalAndNoEntries()
    {
        await _context.SignInAsStoredUserAsync(LabRoles.Viewer);
        await _context.Services.GetRequiredService<AuditLog>().RecordAsync("alice", AuditActions.JobStart, "job 1");

        var page = _context.Render<AuditPage>();

        Assert.Equal(AuthenticationStates.AdminRefusal, page.Find(".tw-refusal").TextContent.Trim());
        Assert.DoesNotContain("alice", page.Markup);
    }

    // Time is left out: it is local to the machine that runs the test.
    private static List<string> Rows(IRenderedComponent<AuditPage> page) =>
        page.FindAll(".tw-audit-table tbody tr")
            .Select(r => string.Join(" ", r.QuerySelectorAll("td").Skip(1).Select(c => c.TextContent.Trim()).Where(t => t.Length > 0)))
            .ToList();

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
