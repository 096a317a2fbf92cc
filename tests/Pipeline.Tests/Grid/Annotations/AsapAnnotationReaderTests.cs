using TumorWeb.Pipeline.Grid.Annotations;

namespace TumorWeb.Pipeline.Tests.Grid.Annotations;

public class AsapAnnotationReaderTests
{
    private static string Annotation(string group, string type, params (double X, double Y)[] points) =>
        $"""<Annotation Name="a" Type="{type}" PartOfGroup="{group}"><Coordinates>"""
        + string.Concat(points.Select((p, i) => $"""<Coordinate Order="{i}" X="{p.X}" Y="{p.Y}" />"""))
        + "</Coordinates></Annotation>";

    private static string Document(params string[] annotations) =>
        $"<?xml version=\"1.0\"?>\n<ASAP_Annotations><Annotations>{string.Concat(annotations)}</Annotations></ASAP_Annotations>";

    [SkippableFact]
    public void ReadsTheRealCamelyon17Annotation()
    {
        var annotations = AsapAnnotationReader.Read(TestPaths.TestData("camelyon17-annotation/patient_004_node_4.xml"));
        Assert.Equal(3, annotations.Tumor.Count);
        Assert.Empty(annotations.Exclusion);
        Assert.Equal([8, 15, 12], annotations.Tumor.Select(p => p.Points.Count));
        Assert.Equal(new PointD(12711.2998, 88778.1016), annotations.Tumor[0].Points[0]);
    }

    [Fact]
    public void GroupsDecideTumorAndExclusionAndOthersAreIgnored()
    {
        using var temp = new TempDirectory();
        (double, double)[] triangle = [(0, 0), (10, 0), (0, 10)];
        var path = temp.File("groups.xml", Document(
            Annotation("Tumor", "Polygon", triangle), Annotation("_0", "Spline", triangle), Annotation("_1", "Polygon", triangle),
            Annotation("Exclusion", "Polygon", triangle), Annotation("_2", "Polygon", triangle),
            Annotation("None", "Polygon", triangle), Annotation("Tumor", "Dot", (5, 5))));
        var annotations = AsapAnnotationReader.Read(path);
        Assert.Equal(3, annotations.Tumor.Count);
        Assert.Equal(2, annotations.Exclusion.Count);
    }

    [Fact]
    public void CoordinatesAreTakenInTheirOrder()
    {
        using var temp = new TempDirectory();
        var path = temp.File("order.xml", Document("""
            <Annotation PartOfGroup="Tumor" Type="Polygon"><Coordinates>
            <Coordinate Order="2" X="3" Y="30" /><Coordinate Order="0" X="1" Y="10" /><Coordinate Order="1" X="2.5" Y="20" />
            </Coordinates></Annotation>
            """));
        Assert.Equal([new(1, 10), new(2.5, 20), new(3, 30)], AsapAnnotationReader.Read(path).Tumor[0].Points);
    }

    [Fact]
    public void EachAnnotationKeepsItsOwnPointsWhateverSitsBetweenThem()
    {
        using var temp = new TempDirectory();
        var path = temp.File("mixed.xml", """
            <?xml version="1.0"?>
            <ASAP_Annotations>
              <Annotations>
                <Annotation Name="first" Type="Polygon" PartOfGroup="_0">
                  <!-- a comment between coordinates -->
                  <Coordinates><Coordinate Order="1" X="2" Y="20" /><Coordinate Order="0" X="1" Y="10" /></Coordinates>
                </Annotation>
                <Annotation Name="empty" Type="Polygon" PartOfGroup="Exclusion" />
                <Annotation Name="ignored" Type="Polygon" PartOfGroup="None"><Coordinates><Coordinate Order="0" X="99" Y="99" /></Coordinates></Annotation>
                <Annotation Name="dot" Type="Dot" PartOfGroup="Tumor"><Coordinates><Coordinate Order="0" X="98" Y="98" /></Coordinates></Annotation>
                <Annotation Name="no order" Type="Polygon" PartOfGroup="_2">
                  <Coordinates><Coordinate Order="5" X="3" Y="30" /><Coordinate X="4" Y="40" /><Coordinate Order="0" X="5" Y="50" /></Coordinates>
                </Annotation>
                <Annotation Name="last" Type="Spline" PartOfGroup="Tumor"><Coordinates><Coordinate Order="0" X="6" Y="60" /></Coordinates></Annotation>
              </Annotations>
              <AnnotationGroups><Group Name="_0" PartOfGroup="None" Color="#F4FA58"><Attributes /></Group></AnnotationGroups>
            </ASAP_Annotations>
            """);

        var annotations = AsapAnnotationReader.Read(path);

        Assert.Equal(new PointD[][] { [new(1, 10), new(2, 20)], [new(6, 60)] }, annotations.Tumor.Select(p => p.Points.ToArray()));
        Assert.Equal(new PointD[][] { [], [new(3, 30), new(4, 40), new(5, 50)] }, annotations.Exclusion.Select(p => p.Points.ToArray()));
    }

    [Fact]
    public void AFileWithMoreVerticesThanTheLimitIsRefusedWithTheCountAndTheLimit()
    {
        using var temp = new TempDirectory();
        var square = Enumerable.Range(0, 500).Select(i => ((double)i, (double)(i % 7))).ToArray();
        // Vertices of every group and type count: the limit bounds what a file can make the reader do.
        var path = temp.File("huge.xml", Document(Annotation("Tumor", "Polygon", square), Annotation("None", "Polygon", square), Annotation("Tumor", "Dot", (1, 1))));

        var error = Assert.Throws<AnnotationException>(() => AsapAnnotationReader.Read(path, maxVertices: 1_000));

        Assert.Equal($"{path}: 1,001 annotation vertices, more than the limit of 1,000 per file", error.Message);
    }

    [Fact]
    public void AFileWithExactlyTheLimitOfVerticesIsRead()
    {
        using var temp = new TempDirectory();
        var path = temp.File("limit.xml", Document(Annotation("Tumor", "Polygon", (0, 0), (10, 0), (0, 10)), Annotation("None", "Polygon", (5, 5))));

        var annotations = AsapAnnotationReader.Read(path, maxVertices: 4);

        Assert.Equal(3, annotations.Tumor.Single().Points.Count);
    }

    [Fact]
    public void EntityExpansionIsRefusedNamingTheFile()
    {
        using var temp = new TempDirectory();
        var path = temp.File("laughs.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
             <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
             <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
             <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
             <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
             <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <ASAP_Annotations><Annotations><Annotation Name="&lol9;" PartOfGroup="Tumor" /></Annotations></ASAP_Annotations>
            """);
        var error = Assert.Throws<AnnotationException>(() => AsapAnnotationReader.Read(path));
        Assert.Equal($"{path}: refused: the file declares a DTD (<!DOCTYPE>); DTDs are not allowed, so entity expansion cannot run", error.Message);
    }

    [Fact]
    public void AnExternalEntityIsRefusedAndTheFileItNamesNeverRead()
    {
        using var temp = new TempDirectory();
        var path = temp.File("xxe.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE ASAP_Annotations [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <ASAP_Annotations><Annotations><Annotation Name="&secret;" PartOfGroup="Tumor" /></Annotations></ASAP_Annotations>
            """);
        var error = Assert.Throws<AnnotationException>(() => AsapAnnotationReader.Read(path));
        Assert.Equal($"{path}: refused: the file declares a DTD (<!DOCTYPE>); DTDs are not allowed, so entity expansion cannot run", error.Message);
        Assert.DoesNotContain("root:", error.ToString());
    }

    [Fact]
    public void MalformedXmlIsAnErrorWithFileLineAndPosition()
    {
        using var temp = new TempDirectory();
        var path = temp.File("broken.xml", "<?xml version=\"1.0\"?>\n<ASAP_Annotations>\n<Annotations>\n</ASAP_Annotations>");
        var error = Assert.Throws<AnnotationException>(() => AsapAnnotationReader.Read(path));
        Assert.StartsWith($"{path}: malformed XML at line 4, position 3", error.Message);
    }

    [Fact]
    public void OtherXmlIsNotAnAnnotationFile()
    {
        using var temp = new TempDirectory();
        var path = temp.File("other.xml", "<svg></svg>");
        var error = Assert.Throws<AnnotationException>(() => AsapAnnotationReader.Read(path));
        Assert.Equal($"{path}: not an ASAP annotation file: the root element is <svg>, expected <ASAP_Annotations>", error.Message);
    }

    [Fact]
    public void InvalidCoordinateIsAnErrorWithItsLine()
    {
        using var temp = new TempDirectory();
        var path = temp.File("nan.xml", Document("\n" + """<Annotation PartOfGroup="Tumor"><Coordinates><Coordinate Order="0" X="12,5" Y="3" /></Coordinates></Annotation>"""));
        var error = Assert.Throws<AnnotationException>(() => AsapAnnotationReader.Read(path));
        Assert.Equal($"{path}: <Coordinate> at line 3, position 47 has an invalid (12,5) X attribute", error.Message);
    }

    [Fact]
    public void MissingFileIsAnErrorNamingIt()
    {
        var error = Assert.Throws<AnnotationException>(() => AsapAnnotationReader.Read("/no/such/annotation.xml"));
        Assert.Equal("/no/such/annotation.xml: file not found", error.Message);
    }
}
