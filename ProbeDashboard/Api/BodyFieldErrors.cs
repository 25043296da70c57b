using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace ProbeDashboard.Api;

/// <summary>
/// The serializer stops at the first value it cannot read. To tell a caller every wrong field in one answer, the
/// buffered body is read again field by field against the endpoint's body type: each field that fails alone is
/// reported under its wire name, nested objects field by field too ("execute_on.type").
/// </summary>
public static class BodyFieldErrors
{
    /// <summary>Keeps /api request bodies re-readable, so a binding failure can be explained in full.</summary>
    public static void UseRereadableApiBodies(this WebApplication app) => app.Use((context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api") && context.Request.HasJsonContentType()) context.Request.EnableBuffering();
        return next(context);
    });

    /// <returns>Every wrong field with its problem, or null when the body cannot be re-read or nothing is found.</returns>
    public static async Task<Dictionary<string, string[]>?> CollectAsync(HttpContext context, Func<JsonException, string> problemOf)
    {
        var bodyType = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (bodyType is null || !context.Request.Body.CanSeek) return null;
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            context.Request.Body.Position = 0;
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            Collect(body, bodyType, "", options, problemOf, errors);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or IOException)
        {
            // Only an explanation of a 400 already decided (e.g. a key given twice, which JsonObject refuses):
            // the caller falls back to the serializer's first error, never to a 500.
            return null;
        }
        return errors.Count > 0 ? errors : null;
    }

    private static void Collect(JsonNode? node, Type type, string prefix, JsonSerializerOptions options,
        Func<JsonException, string> problemOf, Dictionary<string, string[]> errors)
    {
        if (node is not JsonObject fields || options.GetTypeInfo(type).Kind != JsonTypeInfoKind.Object) return;
        var properties = options.GetTypeInfo(type).Properties;
        var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var (name, value) in fields)
        {
            if (properties.FirstOrDefault(p => string.Equals(p.Name, name, comparison)) is not { } property) continue;
            var field = prefix + name;
            // A converter named on the member (e.g. the monitor type's) reads it there, not the type's default one.
            var memberOptions = property.CustomConverter is { } converter ? new JsonSerializerOptions(options) { Converters = { converter } } : options;
            try
            {
                value.Deserialize(property.PropertyType, memberOptions);
            }
            catch (JsonException error)
            {
                var before = errors.Count;
                Collect(value, property.PropertyType, field + ".", options, problemOf, errors);
                if (errors.Count == before) errors[field + Within(error.Path)] = [problemOf(error)];
            }
        }
    }

    /// <summary>Where inside the field the value failed: "" for the field itself, "[2]" for an array item.</summary>
    private static string Within(string? path) => path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[1..] : path.TrimStart('$');
}
