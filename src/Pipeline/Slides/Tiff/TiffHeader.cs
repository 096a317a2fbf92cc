namespace TumorWeb.Pipeline.Slides.Tiff;

/// <summary>A TIFF header: byte order, classic (magic 42) or BigTIFF (magic 43), and where directory 0 starts.</summary>
internal sealed record TiffHeader(TiffByteOrder Order, bool BigTiff, long FirstDirectory)
{
    /// <summary>The header, or null when the file does not start like a TIFF.</summary>
    public static TiffHeader? Read(TiffFile file)
    {
        if (file.Length < 8) return null;
        Span<byte> header = stackalloc byte[16];
        file.Read(0, header[..8], "the header");
        TiffByteOrder? order = (header[0], header[1]) switch
        {
            ((byte)'I', (byte)'I') => new TiffByteOrder(BigEndian: false),
            ((byte)'M', (byte)'M') => new TiffByteOrder(BigEndian: true),
            _ => null,
        };
        if (order is not { } byteOrder) return null;
        return byteOrder.UInt16(header[2..]) switch
        {
            42 => new TiffHeader(byteOrder, false, byteOrder.UInt32(header[4..])),
            43 => ReadBigTiff(file, byteOrder, header),
            _ => null,
        };
    }

    private static TiffHeader ReadBigTiff(TiffFile file, TiffByteOrder order, Span<byte> header)
    {
        file.Read(0, header, "the BigTIFF header");
        var offsetSize = order.UInt16(header[4..]);
        if (offsetSize != 8) throw file.Inconsistent($"the BigTIFF header gives offsets of {offsetSize} bytes, not 8");
        var first = order.UInt64(header[8..]);
        if (first > long.MaxValue) throw file.Inconsistent($"directory 0 lies at offset {first}, past any file");
        return new TiffHeader(order, true, (long)first);
    }
}
