using System.Text;
using TumorWeb.Pipeline.Checksums;

namespace TumorWeb.Pipeline.Tests.Checksums;

public sealed class Crc32Tests
{
    [Fact]
    public void StandardCheckStringGivesTheStandardCheckValue() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void LongInputMatchesZlib()
    {
        var data = Enumerable.Range(0, 1000).Select(i => (byte)(i % 251)).ToArray();

        Assert.Equal(0x721746A6u, Crc32.Compute(data)); // python3: zlib.crc32(bytes(i % 251 for i in range(1000)))
    }

    [Fact]
    public void EmptyInputGivesZero() => Assert.Equal(0u, Crc32.Compute([]));

    [Fact]
    public void SingleZeroByteGivesTheZlibValue() => Assert.Equal(0xD202EF8Du, Crc32.Compute([0x00]));

    [Fact]
    public void PngEndChunkHasItsWellKnownCrc() =>
        Assert.Equal(0xAE426082u, Crc32.Append(0, Encoding.ASCII.GetBytes("IEND")));

    [Fact]
    public void AppendingInPiecesEqualsOneGo()
    {
        var data = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(Crc32.Append(0, data), Crc32.Append(Crc32.Append(0, data.AsSpan(0, 333)), data.AsSpan(333)));
    }
}
