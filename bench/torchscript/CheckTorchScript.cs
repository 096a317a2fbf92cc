#:project ../../src/Pipeline/Pipeline.csproj
#:property PublishAot=false
// Loads a TorchScript frozen base the way train and heatmap do (TorchScriptFeatures: torch.jit.load
// in TorchSharp) and prints what it makes of a batch of patches: the feature shape and the time.
// Usage: dotnet run -c Release bench/torchscript/CheckTorchScript.cs -- FILE.pt [patch-side=299] [patches=8]
using System.Diagnostics;
using TumorWeb.Pipeline.FeatureVectors;

var path = args[0];
var side = args.Length > 1 ? int.Parse(args[1]) : 299;
var count = args.Length > 2 ? int.Parse(args[2]) : 8;
var clock = Stopwatch.StartNew();
using var features = TorchScriptFeatures.Load(path, side);
Console.WriteLine($"{path}: loaded in {clock.Elapsed.TotalSeconds:F1} s, SHA-256 {features.ModelHash[..16]}..., {features.Dimension} features per patch");
var rgb = new byte[count * side * side * 3];
new Random(1).NextBytes(rgb);
var rows = new float[count * features.Dimension];
features.Extract(rgb.AsSpan(0, side * side * 3), 1, side, rows.AsSpan(0, features.Dimension));
// libtorch's profiling executor optimizes a TorchScript graph over its first calls: time the third.
var seconds = 0.0;
for (var round = 0; round < 3; round++)
{
    clock.Restart();
    features.Extract(rgb, count, side, rows);
    seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"call {round + 1}: {seconds:F2} s");
}
Console.WriteLine($"[{count},{features.Dimension}] from {count} random {side}x{side} patches in {seconds:F2} s ({count / seconds:F1} patches/s); " +
                  $"first row starts {string.Join(", ", rows.Take(4).Select(v => v.ToString("F4")))}; all finite: {rows.All(float.IsFinite)}");
