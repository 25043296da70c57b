using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ProbeDashboard.Core.Compat.OpenApi;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.OpenApi;

/// <summary>The answer of one open-API call: HTTP status, the seed's code and the whole body.</summary>
public sealed record OpenApiAnswer(HttpStatusCode Status, int Code, JsonElement Body)
{
    public JsonElement Data => Body.GetProperty("data");

    public OpenApiAnswer AssertOk()
    {
        Assert.True(Code == 0 && Status == HttpStatusCode.OK, $"{(int)Status} {Body}");
        return this;
    }

    public void AssertError(int code, HttpStatusCode status)
    {
        Assert.Equal((code, status), (Code, Status));
        Assert.False(string.IsNullOrEmpty(Body.GetProperty("msg").GetString()));
        Assert.False(Body.TryGetProperty("data", out _));
    }
}

/// <summary>
/// A seed 004 client: adds <c>time</c>, signs the sorted parameters with HMAC-SHA1 and sends them as HTTP Basic.
/// Each call gets its own <c>time</c> second, so two identical calls in a test are not replays.
/// </summary>
public sealed class SignedClient(HttpClient http, string apiId, string apiKey)
{
    private readonly Lock _timeLock = new();
    private long _lastTime;

    public string ApiId { get; } = apiId;

    public Task<OpenApiAnswer> GetAsync(string path, params (string Name, string Value)[] parameters) =>
        SendAsync(Build(HttpMethod.Get, path, WithTime(parameters)));

    public Task<OpenApiAnswer> PostAsync(string path, params (string Name, string Value)[] parameters) =>
        SendAsync(Build(HttpMethod.Post, path, WithTime(parameters)));

    /// <summary>A signed request without an added <c>time</c>; <paramref name="password"/> may rewrite the signature.</summary>
    public HttpRequestMessage Build(HttpMethod method, string path, IReadOnlyList<(string Name, string Value)> parameters,
        Func<string, string>? password = null, string? key = null)
    {
        var signature = OpenApiSignature.Sign(key ?? apiKey,
            OpenApiSignature.Canonical(parameters.Select(p => KeyValuePair.Create(p.Name, p.Value))));
        var pairs = parameters.Select(p => KeyValuePair.Create(p.Name, p.Value)).ToList();
        var request = method == HttpMethod.Get
            ? new HttpRequestMessage(method, path + "?" + string.Join("&", pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")))
            : new HttpRequestMessage(method, path) { Content = new FormUrlEncodedContent(pairs) };
        var credentials = $"{ApiId}:{(password ?? (s => s))(signature)}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return request;
    }

    public async Task<OpenApiAnswer> SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await http.SendAsync(request))
        {
            var body = await response.JsonAsync();
            return new OpenApiAnswer(response.StatusCode, body.GetProperty("code").GetInt32(), body);
        }
    }

    public static string UnixTime(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString();

    private List<(string, string)> WithTime((string Name, string Value)[] parameters)
    {
        lock (_timeLock)
        {
            // Strictly increasing seconds from the back of the window: never the same time twice, always inside it
            // unless a test sends hundreds of calls within a few seconds.
            _lastTime = Math.Max(DateTimeOffset.UtcNow.AddSeconds(-290).ToUnixTimeSeconds(), _lastTime + 1);
            return [.. parameters, ("time", _lastTime.ToString())];
        }
    }
}
