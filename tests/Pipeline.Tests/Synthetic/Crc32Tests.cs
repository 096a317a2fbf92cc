using System.Text;
using TumorWeb.Pipeline.Synthetic.Png;

namespace TumorWeb.Pipeline.Tests.Synthetic;

public class Crc32Tests
{
    [Fact]
    public void MatchesTheStandardCheckValue() =>
        Assert.Equal(0xCBF43926u, Crc32.Append(0, Encoding.ASCII.GetBytes("123456789")));

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
