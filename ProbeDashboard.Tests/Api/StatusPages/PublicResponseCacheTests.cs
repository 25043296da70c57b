using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Maintenance;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Core.StatusPages.Incidents;
using ProbeDashboard.StatusPages.Public;

namespace ProbeDashboard.Tests.Api.StatusPages;

/// <summary>
/// The public page's finished bytes are kept with its data: a second reader gets the same bytes without a render,
/// but what readers must see at once (an incident, a monitor going down, unpublishing) is there on the next request.
/// Brotli and gzip copies decompress to the very same page; a matching If-None-Match is a 304.
/// </summary>
public class PublicResponseCacheTests(StatusPageFactory factory) : IClassFixture<StatusPageFactory>
{
    private PublicStatusRenderer Renderer => factory.Services.GetRequiredService<PublicStatusRenderer>();

    [Fact]
    public async Task A_second_request_gets_the_same_bytes_and_tag_without_a_render()
    {
        var page = await PageAsync();
        using var client = factory.CreateClient();

        using var first = await client.GetAsync($"/status/{page.Slug}");
        var rendered = Renderer.Rendered;
        using var second = await client.GetAsync($"/status/{page.Slug}");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(rendered, Renderer.Rendered);
        Assert.NotNull(first.Headers.ETag);
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Contains("Accept-Encoding", second.Headers.Vary);
        Assert.Contains("Accept-Language", second.Headers.Vary);
    }

    [Fact]
    public async Task A_posted_incident_shows_on_the_next_request()
    {
        var page = await PageAsync();
        using var client = factory.CreateClient();
        var before = await client.GetAsync($"/status/{page.Slug}");

        var posted = await factory.Services.GetRequiredService<IncidentService>()
            .CreateAsync(Actor.System, page.Id, new IncidentInput("Payments are failing", "We are on it.", null, []), default);
        Assert.Equal(IncidentOutcome.Done, posted.Outcome);
        using var after = await client.GetAsync($"/status/{page.Slug}");

        Assert.Contains("Payments are failing", await after.Content.ReadAsStringAsync());
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task A_monitor_going_down_shows_on_the_next_request_in_the_page_the_summary_and_its_badge()
    {
        var monitor = await factory.AddMonitorAsync();
        var page = await factory.AddPageAsync(true, null, ("All", [(monitor.Id, "Checkout")]));
        using var client = factory.CreateClient();
        Assert.Contains("All systems operational", await client.GetStringAsync($"/status/{page.Slug}"));
        Assert.Contains("\"operational\"", await client.GetStringAsync($"/status/{page.Slug}/summary.json"));
        Assert.DoesNotContain(">down<", await client.GetStringAsync($"/badge/{monitor.Id}/status.svg"));

        // What the result writer does when a probe round turns a monitor offline: commit, then announce.
        await factory.WithDbAsync(db => db.Monitors.Where(m => m.Id == monitor.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Current.Status, MonitorStatus.Offline)));
        factory.Services.GetRequiredService<EventBus>().Publish(new MonitorStatusChanged(monitor.Id, MonitorStatus.Offline, DateTime.UtcNow));

        Assert.DoesNotContain("All systems operational", await client.GetStringAsync($"/status/{page.Slug}"));
        Assert.Contains("\"down\"", await client.GetStringAsync($"/status/{page.Slug}/summary.json"));
        Assert.Contains(">down<", await client.GetStringAsync($"/badge/{monitor.Id}/status.svg"));
    }

    [Fact]
    public async Task A_monitor_on_no_page_changing_state_keeps_the_cached_bytes()
    {
        var page = await PageAsync();
        var elsewhere = await factory.AddMonitorAsync();
        using var client = factory.CreateClient();
        await client.GetAsync($"/status/{page.Slug}");
        await factory.Services.GetRequiredService<PublicStatusReader>().PublishedMonitorIdsAsync(default);
        var rendered = Renderer.Rendered;

        factory.Services.GetRequiredService<EventBus>().Publish(new MonitorStatusChanged(elsewhere.Id, MonitorStatus.Offline, DateTime.UtcNow));
        await client.GetAsync($"/status/{page.Slug}");

        Assert.Equal(rendered, Renderer.Rendered);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("identity", null)]
    public async Task Compressed_copies_decompress_to_the_identical_page(string acceptEncoding, string? expected)
    {
        var page = await PageAsync();
        using var client = factory.CreateClient();
        var plain = await client.GetByteArrayAsync($"/status/{page.Slug}");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/status/{page.Slug}");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected is null ? [] : [expected], response.Content.Headers.ContentEncoding);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal(plain, Decompress(body, expected));
        if (expected is not null) Assert.True(body.Length * 4 < plain.Length, $"{expected}: {body.Length} of {plain.Length} bytes");
    }

    [Fact]
    public async Task The_summary_and_the_feed_come_compressed_and_tagged_too()
    {
        var page = await PageAsync();
        using var client = factory.CreateClient();
        foreach (var path in new[] { $"/status/{page.Slug}/summary.json", $"/status/{page.Slug}/feed" })
        {
            var plain = await client.GetByteArrayAsync(path);
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
            using var response = await client.SendAsync(request);

            Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
            Assert.NotNull(response.Headers.ETag);
            Assert.Equal(plain, Decompress(await response.Content.ReadAsByteArrayAsync(), "gzip"));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("br")]
    public async Task A_matching_If_None_Match_is_a_304_without_a_body(string? acceptEncoding)
    {
        var page = await PageAsync();
        using var client = factory.CreateClient();
        using var first = new HttpRequestMessage(HttpMethod.Get, $"/status/{page.Slug}");
        if (acceptEncoding is not null) first.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        var tag = (await client.SendAsync(first)).Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/status/{page.Slug}");
        if (acceptEncoding is not null) again.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        again.Headers.IfNoneMatch.Add(tag);
        using var notModified = await client.SendAsync(again);
        using var other = new HttpRequestMessage(HttpMethod.Get, $"/status/{page.Slug}");
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var changed = await client.SendAsync(other);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, notModified.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEmpty(await changed.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unpublished_page_is_a_404_at_once_and_not_its_cached_bytes()
    {
        var page = await PageAsync();
        using var client = factory.CreateClient();
        using var shown = await client.GetAsync($"/status/{page.Slug}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        await client.GetAsync($"/status/{page.Slug}/summary.json");

        await factory.Services.GetRequiredService<StatusPageService>().UpdateAsync(Actor.System, page.Id,
            new StatusPageInput(page.Slug, page.Title, null, null, [], null, null, Published: false), default);

        foreach (var path in new[] { $"/status/{page.Slug}", $"/status/{page.Slug}/summary.json", $"/status/{page.Slug}/feed" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.IfNoneMatch.Add(shown.Headers.ETag!);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Null(response.Headers.ETag);
        }
    }

    [Fact]
    public async Task A_maintenance_window_starting_shows_on_the_first_request_after_its_start()
    {
        var monitor = await factory.AddMonitorAsync();
        var page = await factory.AddPageAsync(true, null, ("All", [(monitor.Id, "Shop")]));
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var window = new MaintenanceWindowInput("Upgrade", null, [monitor.Id], null, "once", now.AddSeconds(5), now.AddHours(1),
            null, null, null, null, null, null, null, true);
        Assert.Equal(MaintenanceOutcome.Done, (await factory.Services.GetRequiredService<MaintenanceWindowService>().CreateAsync(Actor.System, window, default)).Outcome);
        using var client = factory.CreateClient();
        Assert.Contains("All systems operational", await client.GetStringAsync($"/status/{page.Slug}"));

        // Well inside the cache's 15 s, but past the window's start: the read expired with it.
        factory.Clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Contains("Under maintenance", await client.GetStringAsync($"/status/{page.Slug}"));
    }

    private async Task<StatusPage> PageAsync()
    {
        var monitor = await factory.AddMonitorAsync();
        await factory.AddDayAsync(monitor.Id, 1, 100, 99);
        return await factory.AddPageAsync(true, null, ("All", [(monitor.Id, "Shop")]));
    }

    private static byte[] Decompress(byte[] body, string? encoding)
    {
        if (encoding is null) return body;
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
