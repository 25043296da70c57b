using System.Net;
using System.Text.Json;

namespace ProbeDashboard.Tests.Support;

/// <summary>Speaks the client side of seed 002 in tests: apps from the admin API, form posts, the code/msg answer.</summary>
public static class IpLiveWire
{
    /// <summary>Creates an app through <c>POST /api/v1/iplive/apps</c> and returns its plain token.</summary>
    public static async Task<string> CreateAppAsync(HttpClient admin, string appName, string? callbackUrl = null)
    {
        using var response = await admin.PostAsync("/api/v1/iplive/apps", ApiJson.Content(new { app_name = appName, callback_url = callbackUrl }));
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json.GetProperty("data").GetProperty("token").GetString()!;
    }

    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, params (string Key, string Value)[] fields) =>
        client.PostAsync(path, Form(fields));

    /// <summary>Asserts the answer's code (and the HTTP status that goes with it) and returns the body.</summary>
    public static async Task<JsonElement> AssertCodeAsync(HttpResponseMessage response, int code)
    {
        var json = await response.JsonAsync();
        Assert.True(json.GetProperty("code").GetInt32() == code, $"{(int)response.StatusCode}: {json}");
        var status = code switch { 0 => 200, 1002 or 1003 => 400, 1004 => 401, 1005 => 404, _ => 500 };
        Assert.Equal(status, (int)response.StatusCode);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("msg").GetString()));
        Assert.False(json.TryGetProperty("message", out _), "seed 001's envelope must not leak into iplive answers");
        return json;
    }
}
