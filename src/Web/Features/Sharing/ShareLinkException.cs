namespace TumorWeb.Web.Features.Sharing;

/// <summary>A share link that cannot be made: the run does not exist, or the lifetime is out of range.</summary>
public sealed class ShareLinkException(string message, bool unknownRun) : Exception(message)
{
    /// <summary>True when the run is missing (404 in the API), false when the request is wrong (400).</summary>
    public bool UnknownRun { get; } = unknownRun;
}
