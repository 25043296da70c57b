using System.Text;

namespace ProbeDashboard.Tests.Api.Security.Fuzz;

/// <summary>JSON-ish documents: real field names of the APIs with values of every type, sometimes cut off or broken.</summary>
public static class JsonFuzz
{
    private static readonly string[] Fields =
    [
        "name", "type", "target", "duration", "timeout", "enabled", "execute_on", "skip_hosts", "condition", "level",
        "target_ids", "notification_group_id", "recipients", "username", "password", "role", "note", "ids", "minutes",
        "until", "detail", "agentId", "agentName", "hostname", "version", "language", "results", "monitor_id", "url",
        "method", "headers", "expected_status", "silence_period", "recover_threshold", "duration_seconds", "channel",
        "address", "secret", "mode", "id", "host_ids", "group_id", "status", "message", "timestamp", "latency",
    ];

    private static readonly string[] Scalars =
    [
        "0", "1", "-1", "2147483648", "1e400", "-0", "0.5", "1.7976931348623157e309", "true", "false", "null", "\"\"",
        "\"x\"", "\"<script>alert(1)</script>\"", "\"\\u0000\"", "\"\\ud800\"", "\"2026-11-22T00:00:00Z\"", "\"not-a-date\"",
        "\"http://127.0.0.1:9/\"", "\"tcp\"", "\"admin\"", "\"../../etc\"", "99999999999999999999999999999",
    ];

    public static string Document(Random random)
    {
        var json = new StringBuilder();
        Value(random, json, depth: 0, forceObject: random.Next(4) != 0);
        var text = json.ToString();
        return random.Next(8) switch
        {
            0 => text[..random.Next(text.Length + 1)],
            1 => text.Replace(':', ','),
            2 => text + "}",
            _ => text,
        };
    }

    private static void Value(Random random, StringBuilder json, int depth, bool forceObject = false)
    {
        var kind = forceObject ? 0 : depth > 3 ? 2 : random.Next(3);
        switch (kind)
        {
            case 0:
                json.Append('{');
                for (var i = random.Next(8); i > 0; i--)
                {
                    json.Append('"').Append(Fields[random.Next(Fields.Length)]).Append("\":");
                    Value(random, json, depth + 1);
                    if (i > 1) json.Append(',');
                }
                json.Append('}');
                break;
            case 1:
                json.Append('[');
                for (var i = random.Next(5); i > 0; i--)
                {
                    Value(random, json, depth + 1);
                    if (i > 1) json.Append(',');
                }
                json.Append(']');
                break;
            default:
                json.Append(Scalars[random.Next(Scalars.Length)]);
                break;
        }
    }
}
