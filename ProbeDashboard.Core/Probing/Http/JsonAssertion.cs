using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ProbeDashboard.Core.Probing.Http;

/// <summary>
/// <c>http.json_query</c> (JSONPath, e.g. <c>$.status</c> or <c>$.checks[0].ok</c>) compared with
/// <c>http.json_expected</c> by <c>http.json_operator</c>: <c>==</c> (default) and <c>!=</c> as text, <c>contains</c>
/// as a substring, <c>&lt;</c> and <c>&gt;</c> as numbers. Newtonsoft's SelectToken does the JSONPath (System.Text.Json
/// has none, and no JSONPath library of its own is served).
/// </summary>
public static class JsonAssertion
{
    public static readonly IReadOnlyList<string> Operators = ["==", "!=", "contains", "<", ">"];

    /// <returns>Null when the query parses; otherwise why not.</returns>
    public static string? QueryProblem(string query)
    {
        try
        {
            new JObject().SelectToken(query);
            return null;
        }
        catch (JsonException e)
        {
            return "is not a valid JSONPath: " + e.Message;
        }
    }

    /// <returns>Null when the body passes; otherwise the failure message.</returns>
    public static string? Judge(string body, string query, string? expected, string? op)
    {
        JToken document;
        try
        {
            // Dates stay text: "2026-12-06T05:00:00Z" is compared as written, not as the server's idea of a date.
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            document = JToken.ReadFrom(reader);
            if (reader.Read()) return "response body is not JSON";
        }
        catch (JsonReaderException)
        {
            return "response body is not JSON";
        }
        JToken? found;
        try
        {
            found = document.SelectToken(query);
        }
        catch (JsonException e)
        {
            return $"JSON query {query} failed: {e.Message}";
        }
        if (found is null) return $"JSON query {query} found nothing";
        var actual = Text(found);
        if (expected is null) return null;
        var passes = (op ?? "==") switch
        {
            "!=" => !string.Equals(actual, expected, StringComparison.Ordinal),
            "contains" => actual.Contains(expected, StringComparison.Ordinal),
            "<" => Number(actual) is { } a && Number(expected) is { } e1 && a < e1,
            ">" => Number(actual) is { } b && Number(expected) is { } e2 && b > e2,
            _ => string.Equals(actual, expected, StringComparison.Ordinal),
        };
        return passes ? null : $"JSON {query} is {actual}, expected {op ?? "=="} {expected}";
    }

    /// <summary>Scalars as their plain text (true, 42, ok); objects and arrays as compact JSON.</summary>
    private static string Text(JToken token) => token switch
    {
        JValue { Value: null } => "null",
        JValue { Value: bool flag } => flag ? "true" : "false",
        JValue { Value: IFormattable number } value when value.Type is JTokenType.Integer or JTokenType.Float =>
            number.ToString(null, CultureInfo.InvariantCulture),
        JValue value => Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "",
        _ => token.ToString(Formatting.None),
    };

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
