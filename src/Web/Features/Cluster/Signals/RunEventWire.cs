using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TumorWeb.Web.Features.Jobs;

namespace TumorWeb.Web.Features.Cluster.Signals;

/// <summary>
/// How a run event travels between nodes: one PostgreSQL NOTIFY on <see cref="Channel"/> whose
/// payload is the JSON <c>{"node": "...", "event": {...}}</c> (the event as /hubs/runs sends it).
/// PostgreSQL refuses payloads of 8000 bytes or more, so a longer message is cut to fit.
/// </summary>
public static class RunEventWire
{
    public const string Channel = "tumorweb_run_events";

    /// <summary>Below PostgreSQL's limit of 8000 bytes with room to spare.</summary>
    public const int MaxPayloadBytes = 7900;

    private const string Ellipsis = "…";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public sealed record Envelope(string Node, RunEvent Event);

    public static string Encode(string node, RunEvent runEvent)
    {
        var payload = Serialize(node, runEvent);
        var message = runEvent.Message ?? "";
        // Escaping makes a character up to 6 bytes long in JSON, so cut again until it fits.
        for (var keep = message.Length; Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes && keep > 0;)
        {
            keep = Math.Max(0, keep - Math.Max(16, (Encoding.UTF8.GetByteCount(payload) - MaxPayloadBytes) / 6));
            payload = Serialize(node, runEvent with { Message = Cut(message, keep) });
        }
        return payload;
    }

    /// <summary>Null when the payload is not an envelope (another program's NOTIFY on the channel).</summary>
    public static Envelope? Decode(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<Envelope>(payload, Json) is { Node.Length: > 0, Event: not null } envelope ? envelope : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Serialize(string node, RunEvent runEvent) => JsonSerializer.Serialize(new Envelope(node, runEvent), Json);

    private static string Cut(string message, int keep)
    {
        if (keep > 0 && char.IsHighSurrogate(message[keep - 1])) keep--;
        return message[..keep] + Ellipsis;
    }
}
