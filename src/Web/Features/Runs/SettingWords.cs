using System.Text;

namespace TumorWeb.Web.Features.Runs;

/// <summary>A setting's JSON name as a reader says it: "batchSize" → "batch size", "maxStepsPerEpoch" → "max steps per epoch".</summary>
public static class SettingWords
{
    public static string Of(string camelCase)
    {
        var words = new StringBuilder(camelCase.Length + 4);
        foreach (var c in camelCase)
        {
            if (char.IsUpper(c) && words.Length > 0) words.Append(' ');
            words.Append(char.ToLowerInvariant(c));
        }
        return words.ToString();
    }
}
