using System.Net;
using System.Text.RegularExpressions;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Ui;

/// <summary>The UI's static files as a browser fetches them from the binary: type, validators, caching, compression.</summary>
public partial class EmbeddedAssetsTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("/assets/css/app.css", "text/css")]
    [InlineData("/assets/js/app.js", "text/javascript")]
    [InlineData("/assets/icons/favicon.svg", "image/svg+xml")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js", "text/javascript")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css", "text/css")]
    [InlineData("/assets/js/charts.js", "text/javascript")]
    [InlineData("/assets/vendor/apexcharts.min.js", "text/javascript")]
    [InlineData("/_framework/blazor.web.js", "text/javascript")]
    public async Task Each_asset_is_served_with_its_type_and_an_etag_without_signing_in(string path, string contentType)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_matching_etag_gets_304_without_a_body()
    {
        using var client = factory.CreateClient();
        using var first = await client.GetAsync("/_content/MudBlazor/MudBlazor.min.css");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/_content/MudBlazor/MudBlazor.min.css");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Text_is_compressed_when_the_browser_accepts_it_and_decompresses_to_the_original(string encoding)
    {
        using var client = factory.CreateClient();
        using var plain = await client.GetAsync("/_content/MudBlazor/MudBlazor.min.css");
        var original = await plain.Content.ReadAsByteArrayAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/_content/MudBlazor/MudBlazor.min.css");
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var compressed = await client.SendAsync(request);
        var body = await compressed.Content.ReadAsByteArrayAsync();

        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        Assert.True(body.Length * 4 < original.Length, $"{encoding}: {body.Length} of {original.Length} bytes");
        Assert.Equal(original, await ContentEncodings.DecompressAsync(body, encoding));
    }

    [Fact]
    public async Task Sound_is_not_compressed_again_and_unknown_paths_are_not_assets()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/sounds/alert.wav");
        request.Headers.AcceptEncoding.ParseAdd("br");

        using var sound = await client.SendAsync(request);
        using var missing = await client.GetAsync("/assets/css/missing.css");

        Assert.Equal(HttpStatusCode.OK, sound.StatusCode);
        Assert.Empty(sound.Content.Headers.ContentEncoding);
        Assert.NotEqual("text/css", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Pages_link_assets_by_version_which_browsers_keep_without_asking_again_while_other_urls_are_revalidated()
    {
        using var client = factory.CreateClient();
        var page = await client.GetStringAsync("/login");
        var linked = VersionedUrl().Matches(page).Select(m => m.Groups["url"].Value).ToList();
        Assert.Contains(linked, url => url.StartsWith("assets/css/app.css?v=", StringComparison.Ordinal));
        Assert.Contains(linked, url => url.StartsWith("_framework/blazor.web.js?v=", StringComparison.Ordinal));

        var css = linked.First(url => url.StartsWith("assets/css/app.css?v=", StringComparison.Ordinal));
        using var versioned = await client.GetAsync("/" + css);
        using var plain = await client.GetAsync("/assets/css/app.css");
        using var older = await client.GetAsync("/assets/css/app.css?v=000000000000");

        Assert.True(versioned.Headers.CacheControl is { Public: true, MaxAge.TotalDays: >= 365 }, versioned.Headers.CacheControl?.ToString());
        Assert.Contains("immutable", versioned.Headers.CacheControl!.Extensions.Select(e => e.Name));
        Assert.True(plain.Headers.CacheControl?.NoCache, plain.Headers.CacheControl?.ToString());
        Assert.True(older.Headers.CacheControl?.NoCache, older.Headers.CacheControl?.ToString());
        Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), await versioned.Content.ReadAsByteArrayAsync());
        Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), await older.Content.ReadAsByteArrayAsync());
    }

    [GeneratedRegex("(?:href|src)=\"(?<url>[^\"]+\\?v=[0-9a-f]{12})\"")]
    private static partial Regex VersionedUrl();
}
