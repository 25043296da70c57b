using System.Text.Json;
using System.Text.Json.Serialization;
using ProbeDashboard.Core.Json;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>JSON of the configuration document: the API's snake_case, indented, nulls left out, unknown fields refused.</summary>
public static class ConfigJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        WireJson.Configure(options);
        options.WriteIndented = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // A misspelt field would otherwise be dropped silently and the import would "succeed" without it.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        return options;
    }

    /// <summary>A deserialisation error as a user can act on it: where and what, without .NET type names.</summary>
    public static string Describe(JsonException error)
    {
        var path = string.IsNullOrEmpty(error.Path) || error.Path == "$" ? "" : $" at {error.Path.TrimStart('$', '.')}";
        if (error is WireValueException) return $"{error.Message.Split(" Path:")[0]}{path}";
        return error.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? $"unknown field{path}"
            : $"wrong type or format{path}";
    }
}
