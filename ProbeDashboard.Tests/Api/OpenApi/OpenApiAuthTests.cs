using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Compat.OpenApi;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.OpenApi;

/// <summary>
/// Seed 004 authentication against the real app: Basic with the api_id and the HMAC-SHA1 signature, each failure with
/// its own code (1001–1005) and HTTP 401, a 5-minute window on <c>time</c> and no second use of a signed request.
/// </summary>
public sealed class OpenApiAuthTests(OpenApiAppFixture fixture) : IClassFixture<OpenApiAppFixture>
{
    private const string ListPath = "/openapi/v1/task/list/";

    [Fact]
    public async Task A_correctly_signed_request_is_answered()
    {
        var client = await fixture.CreateClientAsync();
        var answer = (await client.GetAsync(ListPath)).AssertOk();
        Assert.Equal(0, answer.Data.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task No_authorization_header_is_1001()
    {
        using var http = fixture.App.CreateClient();
        using var response = await http.GetAsync($"{ListPath}?time={SignedClient.UnixTime(DateTimeOffset.UtcNow)}");
        var body = await response.JsonAsync();
        Assert.Equal((HttpStatusCode.Unauthorized, 1001), (response.StatusCode, body.GetProperty("code").GetInt32()));
        Assert.Equal("请求无 basic auth 认证", body.GetProperty("msg").GetString());
    }

    [Theory]
    [InlineData("Bearer abc")]
    [InlineData("Basic")]
    [InlineData("Basic %%%not-base64%%%")]
    [InlineData("Basic bm8tY29sb24=")]
    public async Task A_header_that_is_not_basic_credentials_is_1002(string header)
    {
        var client = await fixture.CreateClientAsync();
        var request = client.Build(HttpMethod.Get, ListPath, [("time", Now())]);
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", header);
        (await client.SendAsync(request)).AssertError(1002, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_api_id_or_a_wrong_key_is_1004_or_1005()
    {
        var client = await fixture.CreateClientAsync();
        var stranger = new SignedClient(fixture.App.CreateClient(), "0123456789abcdef01234567", "00000000000000000000000000000000");
        (await stranger.GetAsync(ListPath)).AssertError(1004, HttpStatusCode.Unauthorized);
        (await client.SendAsync(client.Build(HttpMethod.Get, ListPath, [("time", Now())], key: "wrong-key")))
            .AssertError(1005, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_signature_over_other_parameters_is_1005()
    {
        var client = await fixture.CreateClientAsync();
        var request = client.Build(HttpMethod.Get, ListPath, [("offset", "0"), ("time", Now())]);
        // Same signature, different parameters on the wire: a tampered request.
        request.RequestUri = new Uri($"{ListPath}?offset=10&time={Now()}", UriKind.Relative);
        (await client.SendAsync(request)).AssertError(1005, HttpStatusCode.Unauthorized);
    }

    // Half a minute past the window on either side: a future time one second out came within the window while a request
    // waited on a loaded machine.
    [Theory]
    [InlineData(-330)]
    [InlineData(330)]
    [InlineData(-86400)]
    public async Task A_time_outside_five_minutes_is_1003(int offsetSeconds)
    {
        var client = await fixture.CreateClientAsync();
        var time = SignedClient.UnixTime(DateTimeOffset.UtcNow.AddSeconds(offsetSeconds));
        (await client.SendAsync(client.Build(HttpMethod.Get, ListPath, [("time", time)]))).AssertError(1003, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("yesterday")]
    public async Task A_missing_or_unreadable_time_is_1002(string? time)
    {
        var client = await fixture.CreateClientAsync();
        var parameters = time is null ? new List<(string, string)> { ("offset", "0") } : [("time", time)];
        (await client.SendAsync(client.Build(HttpMethod.Get, ListPath, parameters))).AssertError(1002, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_replayed_request_is_refused_with_1003()
    {
        var client = await fixture.CreateClientAsync();
        var time = Now();
        (await client.SendAsync(client.Build(HttpMethod.Post, "/openapi/v1/task/create/",
            [("name", "once"), ("type", "HTTP"), ("url", "http://127.0.0.1:9/once"), ("time", time)]))).AssertOk();
        (await client.SendAsync(client.Build(HttpMethod.Post, "/openapi/v1/task/create/",
            [("name", "once"), ("type", "HTTP"), ("url", "http://127.0.0.1:9/once"), ("time", time)]))).AssertError(1003, HttpStatusCode.Unauthorized);
        Assert.Equal(1, (await client.GetAsync(ListPath)).AssertOk().Data.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_replay_under_another_spelling_of_the_path_is_still_a_replay()
    {
        var client = await fixture.CreateClientAsync();
        var time = Now();
        (await client.SendAsync(client.Build(HttpMethod.Get, ListPath, [("time", time)]))).AssertOk();
        (await client.SendAsync(client.Build(HttpMethod.Get, "/OpenAPI/v1/Task/List", [("time", time)]))).AssertError(1003, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_password_may_be_hex_in_either_case_or_base64_of_the_hex_digest_as_in_the_seed()
    {
        var client = await fixture.CreateClientAsync();
        (await client.SendAsync(client.Build(HttpMethod.Get, ListPath, [("time", Now())], hex => hex.ToUpperInvariant()))).AssertOk();
        (await client.SendAsync(client.Build(HttpMethod.Get, ListPath, [("offset", "0"), ("time", Now())],
            hex => Convert.ToBase64String(Encoding.ASCII.GetBytes(hex))))).AssertOk();
    }

    [Fact]
    public async Task The_seeds_unencoded_header_form_is_accepted()
    {
        var client = await fixture.CreateClientAsync();
        var request = client.Build(HttpMethod.Get, ListPath, [("time", Now())]);
        var standard = Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization!.Parameter!));
        var (apiId, hex) = (standard.Split(':')[0], standard.Split(':')[1]);
        // The seed's example header: "Basic <api_id>:<base64 of the hex digest>", not base64-encoded as a whole.
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", $"{apiId}:{Convert.ToBase64String(Encoding.ASCII.GetBytes(hex))}");
        (await client.SendAsync(request)).AssertOk();
    }

    [Fact]
    public async Task A_revoked_client_is_refused_with_1004()
    {
        var client = await fixture.CreateClientAsync();
        (await client.GetAsync(ListPath)).AssertOk();
        using var admin = await fixture.App.CreateAdminClientAsync();
        var clients = (await (await admin.GetAsync("/api/v1/openapi-clients")).JsonAsync()).GetProperty("data");
        var id = clients.EnumerateArray().Single(c => c.GetProperty("api_id").GetString() == client.ApiId).GetProperty("id").GetInt32();
        Assert.True((await admin.DeleteAsync($"/api/v1/openapi-clients/{id}")).IsSuccessStatusCode);
        (await client.GetAsync(ListPath)).AssertError(1004, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_the_server_cannot_decrypt_is_an_internal_error_1000_in_the_seeds_envelope()
    {
        // What a database copied without its Data Protection key ring looks like.
        await fixture.App.WithDbAsync(async db =>
        {
            db.OpenApiClients.Add(new OpenApiClient
            {
                ApiId = "aaaaaaaaaaaaaaaaaaaaaaaa", Name = "lost-key@example.com", ProtectedKey = "not-protected-by-this-ring", CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        var client = new SignedClient(fixture.App.CreateClient(), "aaaaaaaaaaaaaaaaaaaaaaaa", "00000000000000000000000000000000");
        (await client.GetAsync(ListPath)).AssertError(1000, HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task The_dashboards_bearer_token_does_not_open_the_open_api()
    {
        using var admin = await fixture.App.CreateAdminClientAsync();
        using var response = await admin.GetAsync($"{ListPath}?time={Now()}");
        var body = await response.JsonAsync();
        Assert.Equal((HttpStatusCode.Unauthorized, 1002), (response.StatusCode, body.GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task Admins_create_clients_whose_key_is_shown_once_and_others_may_not()
    {
        using var admin = await fixture.App.CreateAdminClientAsync();
        using var created = await admin.PostAsJsonAsync("/api/v1/openapi-clients", new { name = "ops@example.com", partner = true, task_limit = 5 });
        var data = (await created.JsonAsync()).GetProperty("data");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Matches("^[0-9a-f]{24}$", data.GetProperty("api_id").GetString());
        Assert.Matches("^[0-9a-f]{32}$", data.GetProperty("api_key").GetString());

        var listed = (await (await admin.GetAsync("/api/v1/openapi-clients")).JsonAsync()).GetProperty("data").EnumerateArray()
            .Single(c => c.GetProperty("api_id").GetString() == data.GetProperty("api_id").GetString());
        Assert.False(listed.TryGetProperty("api_key", out _));
        Assert.DoesNotContain(data.GetProperty("api_key").GetString()!, listed.ToString());
        Assert.True(listed.GetProperty("partner").GetBoolean());
        var stored = await fixture.App.WithDbAsync(db => Task.FromResult(db.OpenApiClients.Single(c => c.Id == listed.GetProperty("id").GetInt32()).ProtectedKey));
        Assert.DoesNotContain(data.GetProperty("api_key").GetString()!, stored);

        using var bad = await admin.PostAsJsonAsync("/api/v1/openapi-clients", new { name = "", task_limit = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var operatorClient = await fixture.App.CreateClientAsync(UserRole.Operator);
        using var forbidden = await operatorClient.PostAsJsonAsync("/api/v1/openapi-clients", new { name = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private static string Now() => SignedClient.UnixTime(DateTimeOffset.UtcNow);
}
