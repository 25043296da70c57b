using System.Globalization;
using System.Text.Json;
using ProbeDashboard.Core.Hosts;

namespace ProbeDashboard.Core.Agents.Protocol;

/// <summary>Upload types of seed 003's <c>POST /api/v1/report/upload</c> that this server stores.</summary>
public static class ReportTypes
{
    public const int Heartbeat = 1;
    public const int Component = 17;
    public const int MethodCall = 36;
}

/// <summary>Thrown by the readers below for a detail that does not match its type; the endpoint answers 400.</summary>
public sealed class MalformedReportException(string message) : Exception(message);

/// <summary>
/// Reads a report's <c>detail</c>. Seed 003 sends the heartbeat's <c>cpu</c>, <c>memory</c> and <c>disk</c> as
/// JSON text inside strings (<c>"cpu": "{\"rate\":32}"</c>); plain objects are accepted too. Usage comes from
/// each part's <c>rate</c> (percent); <c>"{}"</c> means "not measured". This product's agents add <c>load</c>
/// (<c>load1</c>, <c>load5</c>, <c>load15</c>) and <c>network</c> (<c>inSpeed</c>, <c>outSpeed</c>, bytes/s) the same way.
/// </summary>
public static class ReportDetail
{
    public static int AgentId(JsonElement detail)
    {
        if (detail.ValueKind != JsonValueKind.Object) throw new MalformedReportException("detail must be an object");
        if (!detail.TryGetProperty("agentId", out var id)) throw new MalformedReportException("detail.agentId is required");
        if (id.ValueKind == JsonValueKind.Number && id.TryGetInt32(out var number) && number > 0) return number;
        if (id.ValueKind == JsonValueKind.String && int.TryParse(id.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0)
            return number;
        throw new MalformedReportException("detail.agentId must be a positive integer");
    }

    public static HostMetrics Heartbeat(JsonElement detail, DateTime sampledAt)
    {
        foreach (var required in new[] { "cpu", "memory", "disk" })
            if (!detail.TryGetProperty(required, out _)) throw new MalformedReportException($"detail.{required} is required");
        var cpu = Part(detail, "cpu");
        var memory = Part(detail, "memory");
        var disk = Part(detail, "disk");
        var load = Part(detail, "load");
        var network = Part(detail, "network");
        return new HostMetrics
        {
            SampledAt = sampledAt,
            CpuUsage = Percent(cpu, "cpu"),
            MemUsage = Percent(memory, "memory"),
            DiskUsage = Percent(disk, "disk"),
            Load1 = Number(load, "load1", "load"),
            Load5 = Number(load, "load5", "load"),
            Load15 = Number(load, "load15", "load"),
            NetInSpeed = Number(network, "inSpeed", "network"),
            NetOutSpeed = Number(network, "outSpeed", "network"),
        };
    }

    public static AgentComponent Component(JsonElement detail, int hostId, DateTime now) => new()
    {
        HostId = hostId,
        PackagePath = RequiredText(detail, "packagePath", 2048),
        PackageName = RequiredText(detail, "packageName", 500),
        PackageSignature = RequiredText(detail, "packageSignature", 200),
        PackageAlgorithm = RequiredText(detail, "packageAlgorithm", 50),
        FirstSeenAt = now,
        LastSeenAt = now,
    };

    public const int MaxMethodCallBytes = 256 * 1024;

    public static MethodCallReport MethodCall(JsonElement detail, int hostId, DateTime now)
    {
        var raw = detail.GetRawText();
        if (raw.Length > MaxMethodCallBytes) throw new MalformedReportException($"detail is larger than {MaxMethodCallBytes} bytes");
        var poolSize = 0;
        if (detail.TryGetProperty("pool", out var pool))
        {
            if (pool.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null)) throw new MalformedReportException("detail.pool must be an array");
            poolSize = pool.ValueKind == JsonValueKind.Array ? pool.GetArrayLength() : 0;
        }
        return new MethodCallReport
        {
            HostId = hostId,
            ReceivedAt = now,
            Uri = RequiredText(detail, "uri", 2048),
            Url = OptionalText(detail, "url", 4096),
            Method = OptionalText(detail, "method", 20),
            ClientIp = OptionalText(detail, "clientIp", 64),
            Language = OptionalText(detail, "language", 20),
            PoolSize = poolSize,
            DetailJson = raw,
        };
    }

    /// <summary>A part given as JSON text or as an object; null when absent, null or empty.</summary>
    private static JsonElement? Part(JsonElement detail, string name)
    {
        if (!detail.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Object) return value;
        if (value.ValueKind != JsonValueKind.String) throw new MalformedReportException($"detail.{name} must be a JSON string or object");
        var text = value.GetString();
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            var parsed = JsonDocument.Parse(text).RootElement.Clone();
            if (parsed.ValueKind != JsonValueKind.Object) throw new MalformedReportException($"detail.{name} must hold a JSON object");
            return parsed;
        }
        catch (JsonException)
        {
            throw new MalformedReportException($"detail.{name} is not valid JSON");
        }
    }

    private static double? Percent(JsonElement? part, string name)
    {
        var rate = Number(part, "rate", name);
        if (rate is < 0 or > 100) throw new MalformedReportException($"detail.{name}.rate must be a percentage from 0 to 100");
        return rate;
    }

    /// <summary>A number, or a string holding one ("32", "32%").</summary>
    private static double? Number(JsonElement? part, string field, string partName)
    {
        if (part is not { } obj || !obj.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)) return number;
        if (value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString()?.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number))
            return number;
        throw new MalformedReportException($"detail.{partName}.{field} must be a number");
    }

    private static string RequiredText(JsonElement detail, string name, int maxLength) =>
        OptionalText(detail, name, maxLength) is { Length: > 0 } text ? text : throw new MalformedReportException($"detail.{name} is required");

    private static string? OptionalText(JsonElement detail, string name, int maxLength)
    {
        if (!detail.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw new MalformedReportException($"detail.{name} must be a string");
        var text = value.GetString()!;
        return text.Length <= maxLength ? text : throw new MalformedReportException($"detail.{name} must be at most {maxLength} characters");
    }
}
