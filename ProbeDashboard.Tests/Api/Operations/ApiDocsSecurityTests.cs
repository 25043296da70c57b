using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Operations;

/// <summary>
/// The OpenAPI 3.1 document as a client generator reads it: every /api/v1 endpoint (and push ping URL) the app maps is there, and
/// what each says about credentials is what the server does to a caller without any.
/// </summary>
public partial class ApiDocsSecurityTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task The_document_is_openapi_3_1_and_lists_every_api_v1_endpoint_the_app_maps()
    {
        using var client = factory.CreateClient();
        var (version, operations) = await DocumentedOperationsAsync(client);

        Assert.Matches(@"^3\.1\.\d+$", version);
        // Endpoints without an HTTP method are the realtime WebSockets, which OpenAPI cannot describe. A group's own
        // path ("" under "/api/v1/alert-events") keeps the group's trailing slash in RawText, not in the document.
        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/v1/", StringComparison.Ordinal) || raw.StartsWith("/api/push/", StringComparison.Ordinal)))
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [],
                (e, method) => $"{method} {RouteParameter().Replace(e.RoutePattern.RawText!.TrimEnd('/'), "{$1}")}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(mapped.Count > 40, $"only {mapped.Count} endpoints found");
        Assert.Equal(mapped, operations.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Each_operation_states_its_credentials_and_refuses_a_caller_without_them()
    {
        using var client = factory.CreateClient();
        var (_, operations) = await DocumentedOperationsAsync(client);

        // The token endpoint and the push monitors' ping URLs (their token is in the path) need no credentials.
        Assert.Equal(["POST /api/v1/auth/token"], operations.Where(o => o.Value.Count == 0 && !o.Key.Contains(" /api/push/")).Select(o => o.Key));
        Assert.Equal(6, operations.Count(o => o.Value.Count == 0 && o.Key.Contains(" /api/push/")));
        Assert.Equal(["bearer (service_monitors:write)"], operations["POST /api/v1/service-monitors"]);
        Assert.Equal(["bearer (admin)"], operations["DELETE /api/v1/hosts/{id}"]);
        Assert.Equal(["bearer (admin)"], operations["GET /api/v1/config/export"]);
        Assert.Equal(["bearer"], operations["GET /api/v1/auth/me"]);
        Assert.Equal(["agentToken"], operations["POST /api/v1/agent/results"]);
        Assert.Equal(["agentToken", "bearer (admin)"], operations["GET /api/v1/profiles"]);
        foreach (var (operation, requirements) in operations.Where(o => o.Value.Count > 0))
        {
            var (method, path) = (operation.Split(' ')[0], RouteParameter().Replace(operation.Split(' ')[1], "1"));
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = ApiJson.Content(new { }) };
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{operation} ({string.Join(" | ", requirements)}) answered {(int)response.StatusCode} without credentials");
        }
    }

    [Fact]
    public async Task Permissions_in_the_document_are_the_ones_tokens_carry()
    {
        using var client = factory.CreateClient();
        var (_, operations) = await DocumentedOperationsAsync(client);

        var named = operations.Values.SelectMany(r => r).Where(r => r.Contains('(')).SelectMany(r => r.Split('(', ')')[1].Split(", ")).Distinct();
        Assert.All(named, p => Assert.Contains(p, Permissions.All));
    }

    /// <summary>"METHOD /path" → its security requirements written "scheme (permission, ...)", empty when none.</summary>
    private static async Task<(string? Version, Dictionary<string, List<string>> Operations)> DocumentedOperationsAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/v1/openapi.json"));
        var root = document.RootElement;
        Assert.False(root.TryGetProperty("security", out _), "security is stated per operation, not once for the document");
        var schemes = root.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Select(s => s.Name).ToList();
        var operations = new Dictionary<string, List<string>>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
            {
                var requirements = operation.Value.TryGetProperty("security", out var security)
                    ? security.EnumerateArray().SelectMany(r => r.EnumerateObject()).ToList() : [];
                Assert.All(requirements, r => Assert.Contains(r.Name, schemes));
                operations[$"{operation.Name.ToUpperInvariant()} {path.Name}"] = requirements.Select(r =>
                    r.Value.GetArrayLength() == 0 ? r.Name : $"{r.Name} ({string.Join(", ", r.Value.EnumerateArray().Select(p => p.GetString()))})").ToList();
            }
        return (root.GetProperty("openapi").GetString(), operations);
    }

    /// <summary>A route parameter with its constraints ("{id:int}"), as the document writes it ("{id}").</summary>
    [GeneratedRegex(@"\{\**(\w+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
