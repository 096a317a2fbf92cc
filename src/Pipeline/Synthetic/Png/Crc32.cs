using System.Runtime.CompilerServices;

namespace TumorWeb.Pipeline.Synthetic.Png;

/// <summary>
/// The CRC-32 that PNG chunks carry (polynomial 0xEDB88320), slice-by-8 so that checksumming a
/// 30,000-pixel-square slide's stream takes about a second. The BCL has no public CRC-32.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Tables = BuildTables();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        crc = ~crc;
        var tables = Tables.AsSpan();
        while (data.Length >= 8)
        {
            var low = crc ^ (uint)(data[0] | data[1] << 8 | data[2] << 16 | data[3] << 24);
            crc = tables[7 * 256 + (int)(low & 0xFF)] ^ tables[6 * 256 + (int)((low >> 8) & 0xFF)]
                ^ tables[5 * 256 + (int)((low >> 16) & 0xFF)] ^ tables[4 * 256 + (int)(low >> 24)]
                ^ tables[3 * 256 + data[4]] ^ tables[2 * 256 + data[5]] ^ tables[256 + data[6]] ^ tables[data[7]];
            data = data[8..];
        }
        foreach (var b in data) crc = tables[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] BuildTables()
    {
        var tables = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            tables[n] = c;
        }
        for (var t = 1; t < 8; t++)
        for (var n = 0; n < 256; n++)
            tables[t * 256 + n] = (tables[(t - 1) * 256 + n] >> 8) ^ tables[(int)(tables[(t - 1) * 256 + n] & 0xFF)];
        return tables;
    }
}
