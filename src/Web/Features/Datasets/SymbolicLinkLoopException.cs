namespace TumorWeb.Web.Features.Datasets;

/// <summary>A path whose symbolic links never end (a link to itself, or a -> b -> a), like ELOOP.</summary>
public sealed class SymbolicLinkLoopException(string path) : IOException($"{path}: {Reason}")
{
    public const string Reason = "too many levels of symbolic links";
}
