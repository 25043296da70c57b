using System.Net;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Api.Monitors.MonitorTestData;

namespace ProbeDashboard.Tests.Api.Monitors;

/// <summary>Who may do what to monitors, and what an unknown id answers.</summary>
public class MonitorAccessApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("GET", "/999999")]
    [InlineData("PUT", "/999999")]
    [InlineData("DELETE", "/999999")]
    [InlineData("PATCH", "/999999/toggle")]
    [InlineData("GET", "/999999/probe-history")]
    [InlineData("GET", "/999999/availability")]
    [InlineData("GET", "/not-a-number")]
    public async Task Unknown_ids_are_404_in_the_envelope(string method, string path)
    {
        using var client = await factory.CreateAdminClientAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), BasePath + path);
        if (method is "PUT" or "PATCH") request.Content = ApiJson.Content(method == "PUT" ? Minimal("x") : new Dictionary<string, object?> { ["enable"] = true });

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.JsonAsync()).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_method_an_endpoint_does_not_take_is_405_in_the_envelope()
    {
        using var client = await factory.CreateAdminClientAsync();

        using var response = await client.PatchAsync($"{BasePath}/1", ApiJson.Raw("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(405, (await response.JsonAsync()).GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("POST", "")]
    [InlineData("PUT", "/{id}")]
    [InlineData("DELETE", "/{id}")]
    [InlineData("PATCH", "/{id}/toggle")]
    public async Task A_viewer_may_read_but_not_write(string method, string path)
    {
        using var operatorClient = await factory.CreateClientAsync(UserRole.Operator);
        var id = await CreateAsync(operatorClient, Minimal("read-only"));
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);
        using var request = new HttpRequestMessage(new HttpMethod(method), BasePath + path.Replace("{id}", id.ToString()));
        if (method is not "DELETE") request.Content = ApiJson.Content(method == "PATCH" ? new Dictionary<string, object?> { ["enable"] = false } : Minimal("renamed"));

        using var response = await viewer.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(403, json.GetProperty("code").GetInt32());
        Assert.Contains(Permissions.ServiceMonitorsWrite, json.GetProperty("message").GetString());
        var stored = (await (await viewer.GetAsync($"{BasePath}/{id}")).JsonAsync()).GetProperty("data");
        Assert.Equal(("read-only", true), (stored.GetProperty("name").GetString(), stored.GetProperty("enable").GetBoolean()));
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "")]
    [InlineData("GET", "/1/probe-history")]
    public async Task Without_a_token_every_monitor_endpoint_is_401(string method, string path)
    {
        using var client = factory.CreateClient();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), BasePath + path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (await response.JsonAsync()).GetProperty("code").GetInt32());
    }
}
