using TumorWeb.Web.Features.Datasets;

namespace TumorWeb.Web.Tests.Datasets;

public sealed class DataRootFolderTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("tumorweb-roots-").FullName;
    private string Root => Path.Combine(_work, "root");
    private string Outside => Path.Combine(_work, "outside");

    public DataRootFolderTests()
    {
        Directory.CreateDirectory(Path.Combine(Root, "slides"));
        File.WriteAllText(Path.Combine(Root, "slides", "a.tif"), "");
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Outside, "b.tif"), "");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Resolve(string input) => DataRootFolder.Resolve(input, [Root]);

    [Fact]
    public void RelativeFolderIsFoundUnderTheRoot() =>
        Assert.Equal(Path.Combine(Root, "slides"), Resolve("slides"));

    [Fact]
    public void AbsoluteFolderInsideTheRootIsAccepted() =>
        Assert.Equal(Path.Combine(Root, "slides"), Resolve(Path.Combine(Root, "slides") + "/"));

    [Fact]
    public void DotDotLeavingTheRootIsRefused()
    {
        var e = Assert.Throws<DatasetFolderException>(() => Resolve("../outside"));
        Assert.Equal("../outside", e.Folder);
        Assert.Contains("outside the data roots", e.Message);
    }

    [Fact]
    public void DotDotThatStaysInsideTheRootIsAccepted() =>
        Assert.Equal(Path.Combine(Root, "slides"), Resolve("slides/../slides"));

    [Fact]
    public void AbsoluteFolderOutsideTheRootIsRefused()
    {
        var e = Assert.Throws<DatasetFolderException>(() => Resolve(Outside));
        Assert.Contains("outside the data roots", e.Message);
        Assert.Contains(Root, e.Message);
    }

    [Fact]
    public void SymbolicLinkLeadingOutsideTheRootIsRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(Root, "escape"), Outside);
        var e = Assert.Throws<DatasetFolderException>(() => Resolve("escape"));
        Assert.Contains("symbolic link leads outside the data roots", e.Message);
        Assert.Contains(Outside, e.Message);
    }

    [Fact]
    public void SymbolicLinkOnTheWayToTheFolderIsFollowed()
    {
        Directory.CreateSymbolicLink(Path.Combine(Root, "hop"), _work);
        var e = Assert.Throws<DatasetFolderException>(() => Resolve("hop/outside"));
        Assert.Contains("symbolic link", e.Message);
    }

    [Fact]
    public void SymbolicLinkWithinTheRootIsAccepted()
    {
        Directory.CreateSymbolicLink(Path.Combine(Root, "alias"), Path.Combine(Root, "slides"));
        Assert.Equal(Path.Combine(Root, "alias"), Resolve("alias"));
    }

    [Fact]
    public void MissingFolderIsRefusedByName()
    {
        var e = Assert.Throws<DatasetFolderException>(() => Resolve("nope"));
        Assert.Contains("not found", e.Message);
        Assert.Contains(Path.Combine(Root, "nope"), e.Message);
    }

    [Fact]
    public void EmptyFolderIsRefused()
    {
        Directory.CreateDirectory(Path.Combine(Root, "empty"));
        var e = Assert.Throws<DatasetFolderException>(() => Resolve("empty"));
        Assert.Contains("is empty", e.Message);
    }

    [Fact]
    public void BlankInputIsRefused() =>
        Assert.Throws<DatasetFolderException>(() => Resolve("  "));

    [Fact]
    public void FileLinkedFromOutsideDoesNotStayInside()
    {
        File.CreateSymbolicLink(Path.Combine(Root, "slides", "c.tif"), Path.Combine(Outside, "b.tif"));
        Assert.False(DataRootFolder.StaysInside(Path.Combine(Root, "slides", "c.tif"), [Root]));
        Assert.True(DataRootFolder.StaysInside(Path.Combine(Root, "slides", "a.tif"), [Root]));
    }

    [Fact]
    public void AFileLinkedToItselfHasALinkLoopProblemAndAPlainFileNone()
    {
        File.CreateSymbolicLink(Path.Combine(Root, "slides", "loop.tif"), "loop.tif");

        Assert.Equal("too many levels of symbolic links", DataRootFolder.LinkProblem(Path.Combine(Root, "slides", "loop.tif"), [Root]));
        Assert.Null(DataRootFolder.LinkProblem(Path.Combine(Root, "slides", "a.tif"), [Root]));
    }

    [Fact]
    public void FilesLinkedToEachOtherHaveALinkLoopProblem()
    {
        File.CreateSymbolicLink(Path.Combine(Root, "slides", "x.tif"), "y.tif");
        File.CreateSymbolicLink(Path.Combine(Root, "slides", "y.tif"), "x.tif");

        Assert.Equal("too many levels of symbolic links", DataRootFolder.LinkProblem(Path.Combine(Root, "slides", "x.tif"), [Root]));
    }

    [Fact]
    public void AFileLinkedFromOutsideHasTheOutsideProblem()
    {
        File.CreateSymbolicLink(Path.Combine(Root, "slides", "c.tif"), Path.Combine(Outside, "b.tif"));

        Assert.Equal("a symbolic link leads outside the data roots", DataRootFolder.LinkProblem(Path.Combine(Root, "slides", "c.tif"), [Root]));
    }
}
