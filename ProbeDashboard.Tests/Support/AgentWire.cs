using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ProbeDashboard.Tests.Support;

/// <summary>Speaks the agent side of seed 003 in tests: tokens from the admin API, camelCase bodies, Token auth.</summary>
public static class AgentWire
{
    /// <summary>Creates an agent token through <c>POST /api/v1/agent-tokens</c> and returns the plain secret.</summary>
    public static async Task<(int Id, string Secret)> CreateTokenAsync(HttpClient admin, string name = "test agents")
    {
        using var response = await admin.PostAsync("/api/v1/agent-tokens", ApiJson.Content(new { name }));
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        var data = json.GetProperty("data");
        return (data.GetProperty("id").GetInt32(), data.GetProperty("token").GetString()!);
    }

    public static HttpClient Client(HttpClient plain, string? token)
    {
        if (token is not null) plain.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        return plain;
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>Every field of the seed's registration, with the VM extras.</summary>
    public static Dictionary<string, object?> Registration(string name, string version = "v1.0.5") => new()
    {
        ["name"] = name,
        ["language"] = "JAVA",
        ["version"] = version,
        ["projectName"] = "Demo Project",
        ["hostname"] = "web-01",
        ["network"] = "10.0.0.5",
        ["containerName"] = "Tomcat",
        ["containerVersion"] = "9.0",
        ["serverAddr"] = "10.0.0.5",
        ["serverPort"] = "8080",
        ["serverPath"] = "/app",
        ["serverEnv"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("JAVA_HOME=/opt/java")),
        ["pid"] = "4242",
        ["vmInstanceId"] = "550e8400-e29b-41d4-a716-446655440000",
        ["mac"] = "fa:16:3e:00:00:01",
        ["networkPortId"] = "port-1",
        ["hypervisorNode"] = "compute-07",
        ["isVm"] = true,
        ["independentNetwork"] = true,
    };

    public static async Task<int> RegisterAsync(HttpClient agent, string name)
    {
        using var response = await agent.PostAsync("/api/v1/agent/register", Json(Registration(name)));
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json.GetProperty("data").GetProperty("id").GetInt32();
    }

    /// <summary>A type 1 report exactly as the seed writes it: cpu, memory and disk as JSON inside strings.</summary>
    public static object Heartbeat(int agentId, double cpu, double memory, string disk = "{}", int reportQueue = 0) => new
    {
        type = 1,
        detail = new Dictionary<string, object>
        {
            ["disk"] = disk,
            ["memory"] = $"{{\"total\":\"2GB\",\"rate\":{memory},\"use\":\"80.605MB\"}}",
            ["agentId"] = agentId,
            ["cpu"] = $"{{\"rate\":{cpu}}}",
            ["methodQueue"] = 0,
            ["replayQueue"] = 0,
            ["reqCount"] = 0,
            ["reportQueue"] = reportQueue,
        },
    };

    /// <summary>Asserts seed 003's error envelope: the status in the body equals the HTTP status, data is null.</summary>
    public static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {json}");
        Assert.Equal((int)expected, json.GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("data").ValueKind);
        Assert.False(json.TryGetProperty("code", out _), "the agent paths must not answer in seed 001's envelope");
        return json.GetProperty("msg").GetString()!;
    }
}
