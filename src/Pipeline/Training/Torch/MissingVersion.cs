using System.Text.RegularExpressions;

namespace TumorWeb.Pipeline.Training.Torch;

/// <summary>A symbol version that a library needs and the library that should provide it lacks.</summary>
internal sealed partial record MissingVersion(string Provider, string Version, string RequiredBy)
{
    /// <summary>Reads glibc's "PROVIDER: version `V' not found (required by FILE)"; null for any other loader error.</summary>
    public static MissingVersion? Parse(string loaderMessage)
    {
        var match = LoaderLine().Match(loaderMessage);
        return match.Success
            ? new MissingVersion(match.Groups["provider"].Value, match.Groups["version"].Value, match.Groups["requiredBy"].Value)
            : null;
    }

    [GeneratedRegex(@"^(?<provider>[^\n:]+): version `(?<version>[^']+)' not found \(required by (?<requiredBy>[^)\n]+)\)", RegexOptions.Multiline)]
    private static partial Regex LoaderLine();
}
