using Bunit;
using TumorWeb.Web.Components.Pages.Viewer;
using TumorWeb.Web.Features.Accounts;
using TumorWeb.Web.Tests.Components;

namespace TumorWeb.Web.Tests.Annotations;

public sealed class SlideAnnotationsPanelTests : ComponentTestContext
{
    private IRenderedComponent<SlideAnnotationsPanel> Panel(bool usesAppAnnotations = false) => Render<SlideAnnotationsPanel>(p => p
        .Add(x => x.SlideId, 7).Add(x => x.SlideWidth, 2100).Add(x => x.SlideHeight, 1600).Add(x => x.UsesAppAnnotations, usesAppAnnotations));

    [Fact]
    public void AnOperatorGetsTheDrawingToolsAndTheExports()
    {
        var panel = Panel();

        foreach (var tool in new[] { "tool-pan", "tool-polygon", "tool-freehand", "class-tumor", "class-exclusion", "annotation-undo", "annotation-delete", "annotation-save" })
            Assert.NotNull(panel.Find($"[data-testid={tool}]"));
        Assert.Equal(["api/slides/7/annotations", "api/slides/7/annotations.xml"],
            panel.FindAll("[data-testid=annotation-downloads] a").Select(a => a.GetAttribute("href")));
        Assert.Contains("comes from its files", panel.Find("[data-testid=annotation-source]").TextContent);
    }

    [Fact]
    public void AViewerSeesTheRegionsReadOnly()
    {
        this.SignInAs(LabRoles.Viewer);

        var panel = Panel(usesAppAnnotations: true);

        Assert.Empty(panel.FindAll("[data-testid=tool-polygon]"));
        Assert.Empty(panel.FindAll("[data-testid=annotation-save]"));
        Assert.Contains("Read-only: an Operator or Admin can draw.", panel.Markup);
        Assert.Contains("These regions are this slide's ground truth.", panel.Find("[data-testid=annotation-source]").TextContent);
    }

    [Fact]
    public void TheScriptIsGivenTheSlideAndWhetherTheUserMayEdit()
    {
        var panel = Panel();

        var create = JSInterop.Invocations["tumorweb.annotations.create"].Single();
        Assert.Equal("[data-testid=slide-viewer]", create.Arguments[0]);
        Assert.Equal("{ slideId = 7, slideWidth = 2100, slideHeight = 1600, editable = True }", create.Arguments[1]!.ToString());
    }
}
