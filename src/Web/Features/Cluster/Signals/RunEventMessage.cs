using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TumorWeb.Web.Features.Jobs;

namespace TumorWeb.Web.Features.Cluster.Signals;

/// <summary>
/// A run event as a PostgreSQL notification's payload: the node that published it and the event, as
/// JSON. A payload must stay under PostgreSQL's 8000 bytes, so a long message is cut to fit.
/// </summary>
public static class RunEventMessage
{
    public const string Channel = "tumorweb_run_events";

    /// <summary>Leaves room below PostgreSQL's limit of 8000 bytes.</summary>
    public const int MaxBytes = 7900;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private sealed record Envelope(string Node, RunEvent Event);

    public static string Write(string node, RunEvent runEvent)
    {
        var payload = JsonSerializer.Serialize(new Envelope(node, runEvent), Json);
        if (Encoding.UTF8.GetByteCount(payload) <= MaxBytes || runEvent.Message is not { } message) return payload;
        var over = Encoding.UTF8.GetByteCount(payload) - MaxBytes;
        var keep = Math.Max(0, message.Length - over - 1);
        // Cutting by characters can still leave multi-byte text over the limit: cut until it fits.
        while (true)
        {
            payload = JsonSerializer.Serialize(new Envelope(node, runEvent with { Message = message[..keep] + "…" }), Json);
            if (Encoding.UTF8.GetByteCount(payload) <= MaxBytes || keep == 0) return payload;
            keep = Math.Max(0, keep - Math.Max(1, keep / 8));
        }
    }

    /// <summary>The node and the event, or null for a payload that is not one (it is ignored, not fatal).</summary>
    public static (string Node, RunEvent Event)? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<Envelope>(payload, Json) is { Node: { } node, Event: { } runEvent } ? (node, runEvent) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
