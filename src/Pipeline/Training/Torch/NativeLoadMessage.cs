namespace TumorWeb.Pipeline.Training.Torch;

/// <summary>Turns a dynamic-loader failure for TorchSharp's native library into what happened and how to fix it.</summary>
internal static class NativeLoadMessage
{
    /// <summary>The version build/TorchSharpNativeFix.targets marks weak where the system libstdc++ lacks it.</summary>
    public const string VersionWeakenedByBuild = "GLIBCXX_3.4.32";

    public static string Describe(string libraryPath, string loaderMessage, MissingVersion? missing, string? providerHighest)
    {
        if (missing is null)
            return $"{libraryPath}: cannot load TorchSharp's native library: {LoaderLine(loaderMessage)}. " +
                   "Its libtorch libraries (libtorch.so, libc10.so, libtorch_cpu.so) must sit beside it: " +
                   "build or publish the project again after a successful dotnet restore.";
        var provides = providerHighest is null ? "which does not define it" : $"which provides versions only up to {providerHighest}";
        return $"{missing.RequiredBy}: cannot load TorchSharp's native library: it needs version {missing.Version} " +
               $"of {missing.Provider}, {provides}. {Fix(missing)}";
    }

    private static string Fix(MissingVersion missing) => missing.Version == VersionWeakenedByBuild
        ? $"The build marks that need weak in the copy in its output folder when the system libstdc++ lacks it " +
          $"(build/TorchSharpNativeFix.targets); this copy was not marked. Run dotnet build or dotnet publish on " +
          $"this machine instead of copying another machine's output, or install a libstdc++6 that provides {missing.Version}."
        : $"Install a newer {Path.GetFileName(missing.Provider)} that provides {missing.Version}, or run on a newer Linux release.";

    // .NET puts its own advice first and the loader's own words (dlerror) on the last line.
    private static string LoaderLine(string loaderMessage) =>
        loaderMessage.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? loaderMessage;
}
