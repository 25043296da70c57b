using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProbeDashboard.Core.Json;

/// <summary>
/// The JSON shape of /api/v1, shared by the API and the configuration document (which is read and written in Core):
/// snake_case names, enums as numbers unless a wire type says otherwise, strict JSON types, RFC 3339 UTC times.
/// </summary>
public static class WireJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // "duration": "60" is a wrong type, not a number: the contract is strict about JSON types.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new UtcTimeJsonConverter());
    }
}
