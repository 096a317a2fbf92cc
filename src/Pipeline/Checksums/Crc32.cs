using System.Buffers.Binary;

namespace TumorWeb.Pipeline.Checksums;

/// <summary>
/// CRC-32 as in zlib, PNG and Ethernet (reflected polynomial 0xEDB88320). Written here because
/// System.IO.Hashing is a separate package and not part of the shared framework. Slicing-by-8
/// (eight bytes per step through eight tables) runs several times faster than a byte at a time,
/// which matters because every patch read checks its whole payload and every synthetic slide
/// streams its pixels through PNG chunks.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Tables = BuildTables();

    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Continues <paramref name="crc"/> (the CRC of what came before) over more data.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        crc = ~crc;
        var t = Tables.AsSpan();
        for (; data.Length >= 8; data = data[8..])
        {
            var low = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = t[7 * 256 + (int)(low & 0xFF)] ^ t[6 * 256 + (int)((low >> 8) & 0xFF)] ^
                  t[5 * 256 + (int)((low >> 16) & 0xFF)] ^ t[4 * 256 + (int)(low >> 24)] ^
                  t[3 * 256 + (int)(high & 0xFF)] ^ t[2 * 256 + (int)((high >> 8) & 0xFF)] ^
                  t[256 + (int)((high >> 16) & 0xFF)] ^ t[(int)(high >> 24)];
        }
        foreach (var b in data)
            crc = t[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        return ~crc;
    }

    /// <summary>Table k gives the CRC of a byte followed by k zero bytes.</summary>
    private static uint[] BuildTables()
    {
        var tables = new uint[8 * 256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            tables[n] = c;
        }
        for (var n = 0; n < 256; n++)
            for (var k = 1; k < 8; k++)
                tables[k * 256 + n] = (tables[(k - 1) * 256 + n] >> 8) ^ tables[(int)(tables[(k - 1) * 256 + n] & 0xFF)];
        return tables;
    }
}
