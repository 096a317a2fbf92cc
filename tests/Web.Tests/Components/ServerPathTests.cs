using Bunit;
using TumorWeb.Web.Components.Runs;
using TumorWeb.Web.Features.Accounts;

namespace TumorWeb.Web.Tests.Components;

/// <summary>Server paths (checkpoints, output folders) are for Admins; everyone else sees the name only.</summary>
public sealed class ServerPathTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public ServerPathTests() => _context.AddTestServices();

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    [Theory]
    [InlineData(LabRoles.Operator)]
    [InlineData(LabRoles.Viewer)]
    public void OthersSeeTheNameWithoutTheServersFolders(string role)
    {
        _context.SignInAs(role);
        var path = _context.Render<ServerPath>(p => p.Add(c => c.Path, "/srv/tumorweb/data/runs/training-3/epoch-002.ckpt"));
        Assert.Equal("epoch-002.ckpt", path.Find(".server-name").TextContent);
        Assert.DoesNotContain("/srv/", path.Markup);
    }

    [Fact]
    public void AdminsSeeTheFullPath()
    {
        _context.SignInAs(LabRoles.Admin);
        var path = _context.Render<ServerPath>(p => p.Add(c => c.Path, "/srv/tumorweb/data/runs/extraction-2/"));
        Assert.Equal("/srv/tumorweb/data/runs/extraction-2/", path.Find(".server-path").TextContent);
    }
}
