namespace TumorWeb.Pipeline.Synthetic;

/// <summary>Creates the output folder and proves it writable before minutes of painting go into it.</summary>
internal static class OutputFolder
{
    public static void Prepare(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".synth-write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new IOException($"{directory}: cannot write to the output folder ({e.Message})", e);
        }
    }
}
