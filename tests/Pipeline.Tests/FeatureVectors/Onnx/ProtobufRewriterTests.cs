using TumorWeb.Pipeline.FeatureVectors.Onnx;

namespace TumorWeb.Pipeline.Tests.FeatureVectors.Onnx;

public sealed class ProtobufRewriterTests
{
    // field 1 varint 150, field 2 "ab", field 3 fixed32, field 2 "cd", field 4 fixed64
    private static readonly byte[] Message = Convert.FromHexString("089601" + "12026162" + "1D01020304" + "12026364" + "210102030405060708");

    [Fact]
    public void KeptFieldsAreCopiedByteForByte() =>
        Assert.Equal(Message, ProtobufRewriter.Rewrite(Message, (_, _, _) => null));

    [Fact]
    public void OnlyTheChosenOccurrenceIsReplacedAndItsLengthRewritten()
    {
        var rewritten = ProtobufRewriter.Rewrite(Message, (field, occurrence, _) => field == 2 && occurrence == 1 ? "xyz"u8.ToArray() : null);
        Assert.Equal(Convert.FromHexString("089601" + "12026162" + "1D01020304" + "120378797A" + "210102030405060708"), rewritten);
    }

    [Fact]
    public void EditorSeesEachPayload()
    {
        var seen = new List<string>();
        ProtobufRewriter.Rewrite(Message, (field, occurrence, payload) =>
        {
            seen.Add($"{field}.{occurrence}={System.Text.Encoding.ASCII.GetString(payload)}");
            return null;
        });
        Assert.Equal(["2.0=ab", "2.1=cd"], seen);
    }

    [Theory]
    [InlineData("1205616263", "5 bytes run past the end")]
    [InlineData("0896", "a number runs past the end")]
    [InlineData("0B", "unsupported wire type 3")]
    [InlineData("1D0102", "4 bytes run past the end")]
    public void MalformedBytesAreRefused(string hex, string problem)
    {
        var e = Assert.Throws<InvalidDataException>(() => ProtobufRewriter.Rewrite(Convert.FromHexString(hex), (_, _, _) => null));
        Assert.EndsWith(problem, e.Message);
    }
}
