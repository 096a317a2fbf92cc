#:project ../../src/Pipeline/Pipeline.csproj
#:property PublishAot=false
// Annotation memory benchmark (issue 11 #5): peak memory of reading a large ASAP annotation file.
//   generate <file.xml> <megabytes>   writes CAMELYON-style polygons of 1,000 vertices until the file has that size
//   read <file.xml>                   AsapAnnotationReader.Read (streaming), with the default vertex limit
//   tree <file.xml>                   the reader before issue 11 (XDocument.Load with line info, then polygons): the baseline
// read and tree print one JSON line: vertices, seconds, and the process's peak resident set (VmHWM,
// what /usr/bin/time reports as maximum resident set size for this process).
// Usage: dotnet run -c Release bench/annotations/AnnotationBench.cs -- <mode> <file.xml> [megabytes]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using TumorWeb.Pipeline.Grid.Annotations;

var (mode, path) = (args[0], args[1]);
if (mode == "generate")
{
    Generate(path, long.Parse(args[2], CultureInfo.InvariantCulture) * 1024 * 1024);
    return;
}
var watch = Stopwatch.StartNew();
long vertices = mode switch
{
    "read" => Read(path),
    "tree" => Tree(path),
    _ => throw new ArgumentException($"unknown mode {mode}; use generate, read or tree"),
};
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $$"""{"mode":"{{mode}}","fileMB":{{new FileInfo(path).Length / 1048576.0:F1}},"vertices":{{vertices}},"seconds":{{watch.Elapsed.TotalSeconds:F2}},"peakRssMB":{{PeakRssKb() / 1024.0:F0}}}"""));

static long Read(string path)
{
    var annotations = AsapAnnotationReader.Read(path);
    return annotations.Tumor.Concat(annotations.Exclusion).Sum(p => (long)p.Points.Count);
}

static long Tree(string path)
{
    using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
    var document = XDocument.Load(reader, LoadOptions.SetLineInfo);
    // The former reader's polygon step, while the tree is still held: (order, point) pairs sorted by order.
    var polygons = document.Root!.Descendants("Annotation").Select(a => a.Descendants("Coordinate")
        .Select(c => (Order: (double)c.Attribute("Order")!, Point: new PointD((double)c.Attribute("X")!, (double)c.Attribute("Y")!)))
        .ToList().OrderBy(c => c.Order).Select(c => c.Point).ToArray()).ToList();
    return polygons.Sum(p => (long)p.Length);
}

static long PeakRssKb() => File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
    .Select(l => long.Parse(l["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).Single();

static void Generate(string path, long bytes)
{
    var random = new Random(11);
    using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
    writer.Write("<?xml version=\"1.0\"?>\n<ASAP_Annotations>\n\t<Annotations>\n");
    for (var polygon = 0; writer.BaseStream.Length < bytes; polygon++)
    {
        var (cx, cy) = (random.NextDouble() * 90_000, random.NextDouble() * 200_000);
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"\t\t<Annotation Name=\"Annotation {polygon}\" Type=\"Polygon\" PartOfGroup=\"{(polygon % 10 == 9 ? "_2" : "_0")}\" Color=\"#F4FA58\">\n\t\t\t<Coordinates>\n"));
        for (var i = 0; i < 1000; i++)
        {
            var angle = 2 * Math.PI * i / 1000;
            var radius = 400 + random.NextDouble() * 50;
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"\t\t\t\t<Coordinate Order=\"{i}\" X=\"{cx + radius * Math.Cos(angle):F4}\" Y=\"{cy + radius * Math.Sin(angle):F4}\" />\n"));
        }
        writer.Write("\t\t\t</Coordinates>\n\t\t</Annotation>\n");
        writer.Flush();
    }
    writer.Write("\t</Annotations>\n\t<AnnotationGroups>\n\t\t<Group Name=\"_0\" PartOfGroup=\"None\" Color=\"#F4FA58\">\n\t\t\t<Attributes />\n\t\t</Group>\n\t</AnnotationGroups>\n</ASAP_Annotations>\n");
}
