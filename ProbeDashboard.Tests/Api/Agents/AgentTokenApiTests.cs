using System.Net;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.AgentWire;

namespace ProbeDashboard.Tests.Api.Agents;

/// <summary>Agent tokens: shown once, stored hashed, admin-only, and every agent path refuses a missing, wrong or revoked one.</summary>
public class AgentTokenApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    public static TheoryData<string, string> AgentPaths => new()
    {
        { "POST", "/api/v1/agent/register" },
        { "GET", "/api/v1/engine/startstop?agentName=x" },
        { "POST", "/api/v1/report/upload" },
        { "GET", "/api/v1/profiles?language=JAVA" },
        { "GET", "/api/v1/agent/tasks?agentId=1" },
        { "POST", "/api/v1/agent/results" },
    };

    private static async Task<HttpResponseMessage> CallAsync(HttpClient client, string method, string path) =>
        method == "GET" ? await client.GetAsync(path) : await client.PostAsync(path, Json(Registration("never-registered")));

    [Theory]
    [MemberData(nameof(AgentPaths))]
    public async Task Agent_paths_refuse_a_wrong_token_with_401_in_the_seed_envelope(string method, string path)
    {
        using var wrong = Client(factory.CreateClient(), "pdt_not-a-real-token");
        using var response = await CallAsync(wrong, method, path);
        Assert.Contains("token", await AssertErrorAsync(response, HttpStatusCode.Unauthorized));
    }

    [Theory]
    [MemberData(nameof(AgentPaths))]
    public async Task Agent_paths_without_a_token_are_401(string method, string path)
    {
        using var anonymous = factory.CreateClient();
        using var response = await CallAsync(anonymous, method, path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var (id, secret) = await CreateTokenAsync(admin, "to revoke");
        using var agent = Client(factory.CreateClient(), secret);
        await RegisterAsync(agent, "agent-before-revocation");

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/agent-tokens/{id}")).StatusCode);

        using var response = await agent.PostAsync("/api/v1/agent/register", Json(Registration("agent-before-revocation")));
        await AssertErrorAsync(response, HttpStatusCode.Unauthorized);
        var listed = (await (await admin.GetAsync("/api/v1/agent-tokens")).JsonAsync()).GetProperty("data").EnumerateArray()
            .Single(t => t.GetProperty("id").GetInt32() == id);
        Assert.True(listed.GetProperty("revoked").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/v1/agent-tokens/99999")).StatusCode);
    }

    [Fact]
    public async Task The_token_is_shown_once_and_only_its_hash_is_stored()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var (id, secret) = await CreateTokenAsync(admin, "shown once");

        var listed = (await (await admin.GetAsync("/api/v1/agent-tokens")).JsonAsync()).GetProperty("data").EnumerateArray()
            .Single(t => t.GetProperty("id").GetInt32() == id);
        Assert.False(listed.TryGetProperty("token", out _));
        Assert.StartsWith(listed.GetProperty("prefix").GetString()!, secret);
        var stored = await factory.WithDbAsync(db => Task.FromResult(db.AgentTokens.Single(t => t.Id == id)));
        Assert.DoesNotContain(secret, stored.TokenHash);
        Assert.Equal(64, stored.TokenHash.Length);
        foreach (var file in Directory.GetFiles(factory.DataDirectory, "probedashboard.db*"))
            Assert.DoesNotContain(secret, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Only_administrators_manage_tokens()
    {
        using var operatorClient = await factory.CreateClientAsync(UserRole.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/api/v1/agent-tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsync("/api/v1/agent-tokens", ApiJson.Content(new { name = "x" }))).StatusCode);
        using var admin = await factory.CreateAdminClientAsync();
        using var blank = await admin.PostAsync("/api/v1/agent-tokens", ApiJson.Content(new { name = " " }));
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal(400, (await blank.JsonAsync()).GetProperty("code").GetInt32());
    }
}
