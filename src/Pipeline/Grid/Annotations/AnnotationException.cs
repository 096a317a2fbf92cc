namespace TumorWeb.Pipeline.Grid.Annotations;

/// <summary>An annotation file that cannot be used; the message names the file and the reason.</summary>
public sealed class AnnotationException(string path, string reason, Exception? inner = null)
    : Exception($"{path}: {reason}", inner)
{
    public string FilePath { get; } = path;
    public string Reason { get; } = reason;
}
