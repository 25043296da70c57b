using System.Text.Json;

namespace ProbeDashboard.ApiDocs;

public sealed record ApiParameterView(string Name, string In, bool Required, string Type);

public sealed record ApiResponseView(string Status, string Description, string? Type);

public sealed record ApiOperationView(string Method, string Path, string? Summary, IReadOnlyList<ApiParameterView> Parameters,
    string? RequestType, IReadOnlyList<ApiResponseView> Responses);

public sealed record ApiPropertyView(string Name, string Type, bool Required);

public sealed record ApiSchemaView(string Name, IReadOnlyList<ApiPropertyView> Properties, IReadOnlyList<string> EnumValues);

/// <summary>
/// An OpenAPI 3 document reduced to what the API page shows: operations grouped by path, their parameters,
/// bodies and responses, and the schemas they name, with types written as people read them ("MonitorResponse[]").
/// </summary>
public sealed record OpenApiView(string Title, string? Description, IReadOnlyList<ApiOperationView> Operations, IReadOnlyList<ApiSchemaView> Schemas)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public static OpenApiView Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var info = root.GetProperty("info");
        var operations = new List<ApiOperationView>();
        foreach (var path in root.GetProperty("paths").EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
            foreach (var method in Methods)
                if (path.Value.TryGetProperty(method, out var operation)) operations.Add(Operation(method.ToUpperInvariant(), path.Name, operation));
        var schemas = root.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var all)
            ? all.EnumerateObject().OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => Schema(s.Name, s.Value)).ToList()
            : [];
        return new OpenApiView(Text(info, "title") ?? "API", Text(info, "description"), operations, schemas);
    }

    private static ApiOperationView Operation(string method, string path, JsonElement operation)
    {
        var parameters = operation.TryGetProperty("parameters", out var list)
            ? list.EnumerateArray().Select(p => new ApiParameterView(Text(p, "name") ?? "", Text(p, "in") ?? "",
                p.TryGetProperty("required", out var required) && required.GetBoolean(),
                p.TryGetProperty("schema", out var schema) ? TypeOf(schema) : "")).ToList()
            : [];
        string? request = operation.TryGetProperty("requestBody", out var body) ? ContentType(body) : null;
        var responses = operation.TryGetProperty("responses", out var answers)
            ? answers.EnumerateObject().Select(r => new ApiResponseView(r.Name, Text(r.Value, "description") ?? "", ContentType(r.Value))).ToList()
            : [];
        return new ApiOperationView(method, path, Text(operation, "summary"), parameters, request, responses);
    }

    private static ApiSchemaView Schema(string name, JsonElement schema)
    {
        var required = schema.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()).ToHashSet() : [];
        var properties = schema.TryGetProperty("properties", out var props)
            ? props.EnumerateObject().Select(p => new ApiPropertyView(p.Name, TypeOf(p.Value), required.Contains(p.Name))).ToList()
            : [];
        var values = schema.TryGetProperty("enum", out var items) ? items.EnumerateArray().Select(v => v.ToString()).ToList() : [];
        return new ApiSchemaView(name, properties, values);
    }

    /// <summary>The schema of the first content type of a body or response, if any.</summary>
    private static string? ContentType(JsonElement holder) =>
        holder.TryGetProperty("content", out var content) && content.EnumerateObject().FirstOrDefault() is { Value.ValueKind: JsonValueKind.Object } first
            && first.Value.TryGetProperty("schema", out var schema) ? TypeOf(schema) : null;

    /// <summary>A schema as a short type: a $ref's name, "X[]" for arrays, "type (format)" otherwise.</summary>
    public static string TypeOf(JsonElement schema)
    {
        if (Text(schema, "$ref") is { } reference) return reference[(reference.LastIndexOf('/') + 1)..];
        var type = Text(schema, "type");
        if (type == "array" && schema.TryGetProperty("items", out var items)) return TypeOf(items) + "[]";
        if (type == "object" && schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
            return $"map of {TypeOf(values)}";
        var text = type ?? "any";
        if (Text(schema, "format") is { } format) text += $" ({format})";
        if (schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True) text += "?";
        return text;
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
}
