using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.TestHost;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Security;

/// <summary>Three requests per minute on every policy; one trusted proxy, so forwarded addresses count.</summary>
public sealed class LowRateLimitFactory : DashboardFactory
{
    public const int Limit = 3;
    public const string Proxy = "127.0.0.1";

    public LowRateLimitFactory()
    {
        foreach (var policy in new[] { "SignIn", "Token", "Compat", "Agent" })
            Settings[$"RateLimits:{policy}:PermitLimit"] = Limit.ToString();
        Settings["ReverseProxy:KnownProxies:0"] = Proxy;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }
}

public class RateLimitTests(LowRateLimitFactory factory) : IClassFixture<LowRateLimitFactory>
{
    [Fact]
    public async Task The_token_endpoint_answers_429_in_the_api_envelope_once_an_address_used_its_limit()
    {
        const string client = "127.0.0.11";
        for (var i = 0; i < LowRateLimitFactory.Limit; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostTokenAsync(client)).Response.StatusCode);

        var (response, body) = await PostTokenAsync(client);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(429, json.GetProperty("code").GetInt32());
        Assert.Contains("too many requests", json.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostTokenAsync("127.0.0.12")).Response.StatusCode);
    }

    [Fact]
    public async Task Agent_paths_answer_429_in_the_agent_envelope()
    {
        const string client = "127.0.0.21";
        for (var i = 0; i < LowRateLimitFactory.Limit; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(client, HttpMethod.Get, "/api/v1/engine/startstop?agentName=a")).Response.StatusCode);

        var (response, body) = await SendAsync(client, HttpMethod.Get, "/api/v1/engine/startstop?agentName=a");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(429, json.GetProperty("status").GetInt32());
        Assert.Contains("too many requests", json.GetProperty("msg").GetString());
    }

    [Theory]
    [InlineData("127.0.0.51", "/deal", "code", 1001, "msg")]
    [InlineData("127.0.0.52", "/openapi/v1/task/list/", "code", 1000, "msg")]
    [InlineData("127.0.0.53", "/knapsack/probe/flows", "success", null, "message")]
    public async Task Compat_paths_share_the_compat_limit_and_answer_429_in_their_own_envelope(
        string client, string path, string codeField, int? code, string messageField)
    {
        var method = path == "/deal" ? HttpMethod.Post : HttpMethod.Get;
        for (var i = 0; i < LowRateLimitFactory.Limit; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SendAsync(client, method, path)).Response.StatusCode);

        var (response, body) = await SendAsync(client, method, path);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var json = JsonDocument.Parse(body).RootElement;
        if (code is null) Assert.False(json.GetProperty(codeField).GetBoolean());
        else Assert.Equal(code, json.GetProperty(codeField).GetInt32());
        Assert.Contains("too many requests", json.GetProperty(messageField).GetString());
    }

    [Fact]
    public async Task The_sign_in_form_is_limited_per_address()
    {
        const string client = "127.0.0.31";
        for (var i = 0; i < LowRateLimitFactory.Limit; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SendAsync(client, HttpMethod.Post, "/account/login", SignInForm())).Response.StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(client, HttpMethod.Post, "/account/login", SignInForm())).Response.StatusCode);
    }

    [Fact]
    public async Task Behind_a_known_proxy_the_forwarded_address_is_the_client_and_elsewhere_it_is_ignored()
    {
        for (var i = 0; i < LowRateLimitFactory.Limit; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostTokenAsync(LowRateLimitFactory.Proxy, forwardedFor: "127.0.0.41")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostTokenAsync(LowRateLimitFactory.Proxy, forwardedFor: "127.0.0.41")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostTokenAsync(LowRateLimitFactory.Proxy, forwardedFor: "127.0.0.42")).Response.StatusCode);

        // Not from the proxy: inventing a new forwarded address per request does not reset the count.
        for (var i = 0; i < LowRateLimitFactory.Limit; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostTokenAsync("127.0.0.43", forwardedFor: $"127.0.1.{i}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostTokenAsync("127.0.0.43", forwardedFor: "127.0.1.99")).Response.StatusCode);
    }

    private static FormUrlEncodedContent SignInForm() => new([new("UserName", "x"), new("Password", "y")]);

    private Task<(HttpResponseMessage Response, string Body)> PostTokenAsync(string clientIp, string? forwardedFor = null) =>
        SendAsync(clientIp, HttpMethod.Post, "/api/v1/auth/token",
            ApiJson.Raw("""{"username":"admin","password":"wrong-password"}"""), forwardedFor);

    private async Task<(HttpResponseMessage Response, string Body)> SendAsync(string clientIp, HttpMethod method, string path,
        HttpContent? content = null, string? forwardedFor = null)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(PeerAddressFilter.Header, clientIp);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>
/// TestServer has no sockets, so no peer address: this sets the one Kestrel would see from a test header, before
/// anything of the app runs.
/// </summary>
public sealed class PeerAddressFilter : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header], out var peer)) context.Connection.RemoteIpAddress = peer;
            return nextMiddleware(context);
        });
        next(app);
    };
}
