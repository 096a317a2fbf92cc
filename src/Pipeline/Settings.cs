namespace TumorWeb.Pipeline;

/// <summary>The one way a setting or request is refused: an <see cref="ArgumentException"/> whose message a user can act on.</summary>
public static class Settings
{
    public static void Require(bool condition, string message)
    {
        if (!condition) throw new ArgumentException(message);
    }
}
