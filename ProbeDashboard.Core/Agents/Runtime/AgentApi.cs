using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ProbeDashboard.Core.Agents.Protocol;

namespace ProbeDashboard.Core.Agents.Runtime;

/// <summary>The server answered an agent call with an error envelope (401 bad token, 404 unknown agent, ...).</summary>
public sealed class AgentApiException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}

/// <summary>The agent's side of seed 003 and of the task/result paths. Network failures surface as <see cref="HttpRequestException"/>.</summary>
public sealed class AgentApi(HttpClient http, AgentOptions options)
{
    public async Task<int> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, "api/v1/agent/register", request, cancellationToken);
        return (await ReadAsync<RegisterResponse>(response, cancellationToken)).Id;
    }

    public async Task SendHeartbeatAsync(object detail, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, "api/v1/report/upload", new { type = ReportTypes.Heartbeat, detail }, cancellationToken);
        await ReadAsync<JsonElement?>(response, cancellationToken);
    }

    public async Task<string> GetCommandAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"api/v1/engine/startstop?agentName={Uri.EscapeDataString(options.Name)}", null, cancellationToken);
        return (await ReadAsync<StartStopResponse>(response, cancellationToken)).Command;
    }

    /// <returns>Null when the list is unchanged since <paramref name="knownVersion"/>.</returns>
    public async Task<AgentTaskList?> GetTasksAsync(int agentId, string? knownVersion, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"api/v1/agent/tasks?agentId={agentId}", null);
        if (knownVersion is not null) request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{knownVersion}\""));
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified) return null;
        return await ReadAsync<AgentTaskList>(response, cancellationToken);
    }

    /// <summary>Completes once the server has committed every result of the batch.</summary>
    public async Task UploadAsync(int agentId, IReadOnlyList<UploadedResult> results, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, "api/v1/agent/results", new ResultUpload(agentId, results), cancellationToken);
        await ReadAsync<ResultUploadResponse>(response, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = Request(method, path, body);
        return await http.SendAsync(request, cancellationToken);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, new Uri(options.Server, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", options.Token);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: AgentJson.Options);
        return request;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        AgentEnvelope<T>? envelope = null;
        try
        {
            envelope = await response.Content.ReadFromJsonAsync<AgentEnvelope<T>>(AgentJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            // Not our envelope (a proxy's error page, say); the status code below says what happened.
        }
        if (!response.IsSuccessStatusCode || envelope is null || envelope.Status != AgentEnvelope.SuccessStatus)
            throw new AgentApiException(response.StatusCode, envelope?.Msg ?? $"HTTP {(int)response.StatusCode}");
        return envelope.Data!;
    }
}
