using System.Text.Json;

namespace ProbeDashboard.ApiDocs;

public sealed record ApiParameterView(string Name, string In, bool Required, string Type);

public sealed record ApiResponseView(string Status, string Description, string? Type);

/// <summary>One way to authenticate: a security scheme and the permissions (3.1 role names) the credential must carry.</summary>
public sealed record ApiSecurityView(string Scheme, IReadOnlyList<string> Permissions)
{
    public override string ToString() => Permissions.Count == 0 ? Scheme : $"{Scheme} ({string.Join(", ", Permissions)})";
}

/// <param name="Security">Alternatives, any one of which admits the caller; empty when no credential is needed.</param>
public sealed record ApiOperationView(string Method, string Path, string? Summary, IReadOnlyList<ApiParameterView> Parameters,
    string? RequestType, IReadOnlyList<ApiResponseView> Responses, IReadOnlyList<ApiSecurityView> Security);

public sealed record ApiPropertyView(string Name, string Type, bool Required);

public sealed record ApiSchemaView(string Name, IReadOnlyList<ApiPropertyView> Properties, IReadOnlyList<string> EnumValues);

/// <summary>
/// An OpenAPI 3.1 document reduced to what the API page shows: operations grouped by path, their parameters,
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
                if (path.Value.TryGetProperty(method, out var operation)) operations.Add(Operation(root, method.ToUpperInvariant(), path.Name, operation));
        var schemas = root.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var all)
            ? all.EnumerateObject().OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => Schema(s.Name, s.Value)).ToList()
            : [];
        return new OpenApiView(Text(info, "title") ?? "API", Text(info, "description"), operations, schemas);
    }

    private static ApiOperationView Operation(JsonElement root, string method, string path, JsonElement operation)
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
        return new ApiOperationView(method, path, Text(operation, "summary"), parameters, request, responses, Security(root, operation));
    }

    /// <summary>The operation's security requirements, else the document's.</summary>
    private static List<ApiSecurityView> Security(JsonElement root, JsonElement operation)
    {
        var security = operation.TryGetProperty("security", out var own) ? own : root.TryGetProperty("security", out var shared) ? shared : default;
        return security.ValueKind != JsonValueKind.Array ? []
            : security.EnumerateArray().SelectMany(requirement => requirement.EnumerateObject())
                .Select(scheme => new ApiSecurityView(scheme.Name, scheme.Value.EnumerateArray().Select(p => p.GetString()!).ToList())).ToList();
    }

    private static ApiSchemaView Schema(string name, JsonElement schema)
    {
        var required = schema.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()).ToHashSet() : [];
        var properties = schema.TryGetProperty("properties", out var props)
            ? props.EnumerateObject().Select(p => new ApiPropertyView(p.Name, TypeOf(p.Value), required.Contains(p.Name))).ToList()
            : [];
        var values = schema.TryGetProperty("enum", out var items)
            ? items.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(v => v.ToString()).ToList() : [];
        return new ApiSchemaView(name, properties, values);
    }

    /// <summary>The schema of the first content type of a body or response, if any.</summary>
    private static string? ContentType(JsonElement holder) =>
        holder.TryGetProperty("content", out var content) && content.EnumerateObject().FirstOrDefault() is { Value.ValueKind: JsonValueKind.Object } first
            && first.Value.TryGetProperty("schema", out var schema) ? TypeOf(schema) : null;

    /// <summary>
    /// A schema as a short type: a $ref's name, "X[]" for arrays, "type (format)" otherwise, and "?" when it admits
    /// null, which OpenAPI 3.1 writes as <c>"type": ["null", "string"]</c> or as a oneOf with a <c>{"type": "null"}</c> branch.
    /// </summary>
    public static string TypeOf(JsonElement schema)
    {
        if (Text(schema, "$ref") is { } reference) return reference[(reference.LastIndexOf('/') + 1)..];
        if (Alternatives(schema) is { } alternatives)
        {
            var named = alternatives.Where(a => Types(a) is not ["null"]).Select(TypeOf).ToList();
            return string.Join(" | ", named) + (named.Count < alternatives.Count ? "?" : "");
        }
        var types = Types(schema);
        var nullable = types.Remove("null");
        var type = types.Count == 0 ? null : string.Join(" | ", types);
        string text;
        if (type == "array" && schema.TryGetProperty("items", out var items)) text = TypeOf(items) + "[]";
        else if (type == "object" && schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
            text = $"map of {TypeOf(values)}";
        else text = (type ?? "any") + (Text(schema, "format") is { } format ? $" ({format})" : "");
        return nullable ? text + "?" : text;
    }

    /// <summary>"type" as a list: OpenAPI 3.1 allows one name or an array of them.</summary>
    private static List<string> Types(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.String ? [type.GetString()!]
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList()
        : [];

    /// <summary>The branches of a oneOf or anyOf, which is how 3.1 says "this schema, or null".</summary>
    private static List<JsonElement>? Alternatives(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object) return null;
        foreach (var key in (string[])["oneOf", "anyOf"])
            if (schema.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array) return [.. list.EnumerateArray()];
        return null;
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
}
