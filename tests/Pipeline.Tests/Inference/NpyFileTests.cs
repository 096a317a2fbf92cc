using System.Diagnostics;
using System.Text;
using TumorWeb.Pipeline.Inference.Output;
using TumorWeb.Pipeline.Tests.Grid;

namespace TumorWeb.Pipeline.Tests.Inference;

public class NpyFileTests
{
    private static readonly float[] Values = [0f, 1f, 0.5f, 0.75f, 2f, -1f];

    private static byte[] ExpectedHeader()
    {
        var text = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" + new string(' ', 58) + "\n";
        return [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 118, 0, .. Encoding.ASCII.GetBytes(text)];
    }

    private static readonly byte[] ExpectedData =
    [
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0x3F,
        0x00, 0x00, 0x40, 0x3F, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x80, 0xBF,
    ];

    [Fact]
    public void FileIsTheVersionOneHeaderPaddedTo128BytesThenLittleEndianFloats()
    {
        using var dir = new TempDirectory();
        var path = dir.File("p.npy");
        NpyFile.Write(Values, 2, 3, path);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(128, ExpectedHeader().Length);
        Assert.Equal([.. ExpectedHeader(), .. ExpectedData], bytes);
    }

    [Fact]
    public void TwoDimensionalArrayWritesTheSameBytes()
    {
        using var dir = new TempDirectory();
        NpyFile.Write(new float[,] { { 0f, 1f, 0.5f }, { 0.75f, 2f, -1f } }, dir.File("a.npy"));
        NpyFile.Write(Values, 2, 3, dir.File("b.npy"));
        Assert.Equal(File.ReadAllBytes(dir.File("b.npy")), File.ReadAllBytes(dir.File("a.npy")));
    }

    [Fact]
    public void HeaderGrowsToTheNextMultipleOf64ForLongShapes()
    {
        var header = NpyFile.Header(123456789, 987654321);
        Assert.Equal(128, header.Length);
        Assert.Equal((byte)'\n', header[^1]);
        Assert.EndsWith("'shape': (123456789, 987654321), }", Encoding.ASCII.GetString(header, 10, header.Length - 10).TrimEnd());
    }

    [Fact]
    public void ReadGivesBackWhatWasWritten()
    {
        using var dir = new TempDirectory();
        NpyFile.Write(Values, 3, 2, dir.File("p.npy"));
        var (values, height, width) = NpyFile.Read(dir.File("p.npy"));
        Assert.Equal((3, 2), (height, width));
        Assert.Equal(Values, values);
    }

    [Fact]
    public void ReadRefusesOtherFilesNamingThem()
    {
        using var dir = new TempDirectory();
        var path = dir.File("x.npy", "not numpy");
        Assert.Equal($"{path}: not a .npy file (no \\x93NUMPY magic)", Assert.Throws<InvalidDataException>(() => NpyFile.Read(path)).Message);
        var truncated = dir.File("t.npy");
        File.WriteAllBytes(truncated, [.. ExpectedHeader(), .. ExpectedData.AsSpan(0, 20)]);
        Assert.Equal($"{truncated}: the .npy data is shorter than its 2 x 3 shape", Assert.Throws<InvalidDataException>(() => NpyFile.Read(truncated)).Message);
    }

    [Fact]
    public void MismatchedShapeIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => NpyFile.Write(Values, 4, 2, "p.npy"));
        Assert.Equal("p.npy: a 4 x 2 grid needs 8 values, got 6", error.Message);
    }

    /// <summary>
    /// Debian's python3-numpy, when installed, must load the file to the same values, and saving that
    /// array again must give our exact bytes. Without numpy the header bytes are still checked here.
    /// </summary>
    [Fact]
    public void NumpyLoadsTheSameValuesAndSavesTheSameBytes()
    {
        using var dir = new TempDirectory();
        var path = dir.File("p.npy");
        NpyFile.Write(Values, 2, 3, path);
        Assert.Equal(ExpectedHeader(), File.ReadAllBytes(path)[..128]);
        if (!NumpyAvailable()) return;

        var resaved = dir.File("again.npy");
        var output = Python(
            "import numpy, sys; a = numpy.load(sys.argv[1]); numpy.save(sys.argv[2], a); " +
            "print(a.dtype.str, a.shape, a.flags['C_CONTIGUOUS'], ' '.join(repr(float(v)) for v in a.ravel()))", path, resaved);
        Assert.Equal("<f4 (2, 3) True 0.0 1.0 0.5 0.75 2.0 -1.0", output.Trim());
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(resaved));
    }

    private const string Python3 = "/usr/bin/python3";

    private static bool NumpyAvailable() => File.Exists(Python3) && Run(Python3, "-c", "import numpy").ExitCode == 0;

    private static string Python(string code, params string[] args)
    {
        var (exitCode, stdout, stderr) = Run(Python3, ["-c", code, .. args]);
        Assert.True(exitCode == 0, stderr);
        return stdout;
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }
}
