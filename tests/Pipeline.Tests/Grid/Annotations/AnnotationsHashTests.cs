using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Pipeline.Tests.Grid.Annotations;

public sealed class AnnotationsHashTests
{
    private static readonly Polygon Triangle = new([new(0, 0), new(10, 0), new(10, 10)]);

    [Fact]
    public void TheHashIsTheFirst16HexDigitsOfTheSha256OfTheRegionsAsText()
    {
        // SHA-256 of "T 0,0 10,0 10,10\n" (printf "T 0,0 10,0 10,10\n" | sha256sum).
        Assert.Equal("af188cceb80481c6", AnnotationsHash.Of(new SlideAnnotations([Triangle], [])));
    }

    [Fact]
    public void AMovedVertexOrAnotherKindGivesAnotherHash()
    {
        var original = AnnotationsHash.Of(new SlideAnnotations([Triangle], []));

        Assert.NotEqual(original, AnnotationsHash.Of(new SlideAnnotations([new([new(0, 0), new(10, 0), new(10, 10.5)])], [])));
        Assert.NotEqual(original, AnnotationsHash.Of(new SlideAnnotations([], [Triangle])));
        Assert.NotEqual(original, AnnotationsHash.Of(new SlideAnnotations([Triangle with { Holes = [[new(4, 1), new(6, 1), new(6, 3)]] }], [])));
        Assert.Equal(original, new DrawnAnnotations(new SlideAnnotations([Triangle], [])).Hash);
    }
}
