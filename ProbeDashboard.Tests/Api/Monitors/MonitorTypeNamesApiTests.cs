using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Api.Monitors.MonitorTestData;

namespace ProbeDashboard.Tests.Api.Monitors;

/// <summary>A monitor's type is read as the seed's number or as the name the export writes, in the API and on import.</summary>
public class MonitorTypeNamesApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("http", "http://127.0.0.1:9/", 1)]
    [InlineData("TCP", "127.0.0.1:9", 2)]
    [InlineData("icmp", "127.0.0.1", 3)]
    [InlineData(2, "127.0.0.1:9", 2)]
    public async Task Create_accepts_the_type_as_name_or_number_and_answers_the_number(object type, string target, int expected)
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var body = Minimal($"typed-{type}", target: target);
        body["type"] = type;

        var id = await CreateAsync(client, body);

        var stored = (await (await client.GetAsync($"{BasePath}/{id}")).JsonAsync()).GetProperty("data");
        Assert.Equal(expected, stored.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task The_list_filters_by_type_name_too()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        await CreateAsync(client, Minimal("filter-tcp", type: 2, target: "127.0.0.1:9"));

        var items = (await (await client.GetAsync($"{BasePath}?type=tcp&page_size=100")).JsonAsync()).GetProperty("data").GetProperty("items");

        Assert.Contains(items.EnumerateArray(), m => m.GetProperty("name").GetString() == "filter-tcp");
        Assert.All(items.EnumerateArray(), m => Assert.Equal(2, m.GetProperty("type").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{BasePath}?type=ftp")).StatusCode);
    }

    [Fact]
    public async Task Import_reads_numbers_and_names_and_the_export_writes_names()
    {
        using var target = new DashboardFactory();
        using var admin = await target.CreateAdminClientAsync();
        const string document = """
            {"format": "probedashboard-config", "version": 1, "monitors": [
              {"name": "by number", "type": 2, "target": "127.0.0.1:9", "duration": 30},
              {"name": "by name", "type": "Icmp", "target": "127.0.0.1", "duration": 30}]}
            """;

        using var response = await admin.PostAsync("/api/v1/config/import", new StringContent(document, Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        var exported = JsonNode.Parse(await admin.GetStringAsync("/api/v1/config/export?format=json"))!["monitors"]!.AsArray();
        Assert.Equal("tcp", exported.Single(m => m!["name"]!.GetValue<string>() == "by number")!["type"]!.GetValue<string>());
        Assert.Equal("icmp", exported.Single(m => m!["name"]!.GetValue<string>() == "by name")!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Import_refuses_an_unknown_type_naming_the_choices()
    {
        using var admin = await factory.CreateAdminClientAsync();
        const string document = """{"format": "probedashboard-config", "version": 1, "monitors": [{"name": "odd", "type": "ftp", "target": "x", "duration": 30}]}""";

        using var response = await admin.PostAsync("/api/v1/config/import", new StringContent(document, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1 (http), 2 (tcp), 3 (icmp), 4 (dns), 5 (push) or 6 (tls)", await response.Content.ReadAsStringAsync());
    }
}
