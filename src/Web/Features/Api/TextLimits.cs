namespace TumorWeb.Web.Features.Api;

/// <summary>
/// The longest text a user may give each kind of field. Longer input is refused before anything
/// is stored (audit log included), so no caller can grow the database or the pages that list it.
/// </summary>
public static class TextLimits
{
    public const int UserName = 64;
    public const int TokenName = 100;
    public const int DatasetName = 1024;
    public const int Folder = 1024;

    /// <summary>Largest body the JSON API and the account forms read; their requests are a few hundred bytes.</summary>
    public const long RequestBodyBytes = 4 * 1024 * 1024;

    /// <summary>Why <paramref name="value"/> is refused, or null when it fits; the message never repeats the value.</summary>
    public static string? Problem(string? value, int limit, string what) =>
        value is { Length: var length } && length > limit ? $"{what} is {length:N0} characters long; at most {limit:N0} are allowed" : null;

    /// <exception cref="ArgumentException">The value is longer than <paramref name="limit"/>.</exception>
    public static void Require(string? value, int limit, string what)
    {
        if (Problem(value, limit, what) is { } problem) throw new ArgumentException(problem);
    }
}
