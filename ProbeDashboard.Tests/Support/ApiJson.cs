using System.Net.Http.Json;
using System.Text.Json;
using ProbeDashboard.Api;

namespace ProbeDashboard.Tests.Support;

/// <summary>Sends and reads /api/v1 JSON exactly as the server shapes it (snake_case).</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static JsonContent Content<T>(T value) => JsonContent.Create(value, options: Options);

    /// <summary>A raw JSON body, for malformed or oddly typed input.</summary>
    public static StringContent Raw(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(text), $"empty body with status {(int)response.StatusCode}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiSetup.ConfigureJson(options);
        return options;
    }
}
