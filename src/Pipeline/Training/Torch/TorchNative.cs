using System.Runtime.InteropServices;
using TorchSharp;

namespace TumorWeb.Pipeline.Training.Torch;

/// <summary>
/// Loads TorchSharp's native library before anything else touches TorchSharp. When that fails,
/// TorchSharp itself reports a misleading "doesn't contain a reference to libtorch-cpu-linux-x64"
/// (after copying 600 MB of libraries into the output folder); this reports what the dynamic
/// loader really said, which file and version are missing, and how to fix it.
/// </summary>
public static class TorchNative
{
    public const string LibraryFileName = "libLibTorchSharp.so";

    private static readonly Lazy<bool> Loaded = new(LoadOnce);

    /// <summary>Throws <see cref="InvalidOperationException"/> with the reason and the fix when libtorch cannot load.</summary>
    public static void EnsureLoaded() => _ = Loaded.Value;

    /// <summary>Loads the native library at <paramref name="libraryPath"/>, explaining a failure.</summary>
    internal static void Load(string libraryPath)
    {
        try
        {
            NativeLibrary.Load(libraryPath);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            var missing = MissingVersion.Parse(e.Message);
            var highest = missing is null ? null : HighestVersionIn(missing.Provider, missing.Version);
            throw new InvalidOperationException(NativeLoadMessage.Describe(libraryPath, e.Message, missing, highest), e);
        }
    }

    internal static IReadOnlyList<string> Candidates(string baseDirectory)
    {
        var rid = "linux-" + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        return [Path.Combine(baseDirectory, "runtimes", rid, "native", LibraryFileName), Path.Combine(baseDirectory, LibraryFileName)];
    }

    private static bool LoadOnce()
    {
        if (OperatingSystem.IsLinux()) Load(FindLibrary(AppContext.BaseDirectory));
        StartCpuBackend();
        return true;
    }

    internal static string FindLibrary(string baseDirectory)
    {
        var candidates = Candidates(baseDirectory);
        return candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            $"{LibraryFileName} is in neither {string.Join(" nor ", candidates)}: the native files of the " +
            "TorchSharp-cpu package were not copied to the output folder. Build or publish the project again " +
            "(dotnet build / dotnet publish) after a successful dotnet restore.");
    }

    private static void StartCpuBackend()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
        }
        catch (Exception e)
        {
            var reason = (e.InnerException ?? e).Message.Split('\n')[0];
            throw new InvalidOperationException($"TorchSharp could not start libtorch on the CPU: {reason}", e);
        }
    }

    private static string? HighestVersionIn(string library, string version)
    {
        var prefix = version[..(version.IndexOf('_') + 1)];
        return prefix.Length > 0 && File.Exists(library) ? VersionScan.Highest(File.ReadAllBytes(library), prefix) : null;
    }
}
