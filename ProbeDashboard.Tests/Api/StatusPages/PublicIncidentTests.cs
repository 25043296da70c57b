using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Core.StatusPages.Incidents;

namespace ProbeDashboard.Tests.Api.StatusPages;

/// <summary>
/// Incidents as the anonymous public reads them without scripts: open ones on top, resolved ones of the last 14 days
/// below, named in the day bars' tooltips, in summary.json and in the Atom feed, and nothing private in any of them.
/// </summary>
public partial class PublicIncidentTests(StatusPageFactory factory) : IClassFixture<StatusPageFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private IncidentService Incidents => factory.Services.GetRequiredService<IncidentService>();

    [Fact]
    public async Task Open_incidents_are_on_top_resolved_ones_of_14_days_below_and_older_ones_only_in_the_day_bar()
    {
        var api = await factory.AddMonitorAsync();
        var web = await factory.AddMonitorAsync();
        var page = await factory.AddPageAsync(true, null, ("Core", [(api.Id, "Public API"), (web.Id, "Website")]));
        var open = await PostAsync(page.Id, "Checkout is slow", [api.Id]);
        await Incidents.AppendUpdateAsync(Actor.System, page.Id, open, new("identified", "An index was missing."), default);
        var recent = await PostAsync(page.Id, "Login errors", []);
        await Incidents.AppendUpdateAsync(Actor.System, page.Id, recent, new("resolved", "Fixed."), default);
        var old = await PostAsync(page.Id, "DNS outage", [web.Id]);
        await Incidents.AppendUpdateAsync(Actor.System, page.Id, old, new("resolved", "Fixed."), default);
        await MoveBackAsync(old, days: 20);
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync($"/status/{page.Slug}");

        var active = html.IndexOf("Active incidents", StringComparison.Ordinal);
        var firstSection = html.IndexOf("<h2>Core</h2>", StringComparison.Ordinal);
        var past = html.IndexOf("Past incidents (last 14 days)", StringComparison.Ordinal);
        Assert.True(active >= 0 && active < firstSection && firstSection < past, html);
        Assert.True(html.IndexOf("Checkout is slow", StringComparison.Ordinal) is var c && c > active && c < firstSection);
        Assert.True(html.LastIndexOf("Login errors", StringComparison.Ordinal) > past);
        Assert.Contains("Identified", html);
        Assert.Contains("An index was missing.", html);
        Assert.Contains("Affects: Public API", html);
        Assert.Matches($"""<time datetime="{factory.Today:yyyy-MM-dd}T[0-9:.]+Z">{factory.Today:yyyy-MM-dd} \d\d:\d\d UTC</time>""", html);
        Assert.DoesNotContain("<h2>DNS outage", html);
        Assert.Single(Regex.Matches(html, "DNS outage"));  // only in the tooltip of the day it began
        var apiToday = DayTitles().Matches(html).Select(m => m.Groups["title"].Value).ElementAt(89);
        Assert.Contains("Incidents: Login errors; Checkout is slow", apiToday);  // newest first
        var webOldDay = DayTitles().Matches(html).Select(m => m.Groups["title"].Value).ElementAt(90 + 89 - 20);
        Assert.Contains("Incidents: DNS outage", webOldDay);
    }

    [Fact]
    public async Task Markdown_bodies_are_rendered_without_raw_html_script_or_unsafe_links()
    {
        var page = await factory.AddPageAsync(true, null, ("S", []));
        await PostAsync(page.Id, "Markdown", [], """
            **Bold** and [our blog](https://blog.example.com/post) <script>alert(1)</script> <img src=x onerror="alert(2)">
            [click](javascript:alert(3)) [tab](<java	script:alert(4)>) <javascript:alert(5)> ![pixel](https://tracker.example.com/p.gif)
            """);
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync($"/status/{page.Slug}");

        Assert.Contains("<strong>Bold</strong>", html);
        Assert.Contains("""<a href="https://blog.example.com/post" rel="nofollow noopener">our blog</a>""", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("href=\"[^\"]*script:", html);
        Assert.Contains("""<a href="https://tracker.example.com/p.gif" rel="nofollow noopener">pixel</a>""", html);
    }

    [Fact]
    public async Task The_feed_is_valid_atom_with_one_entry_per_incident_and_summary_json_lists_them()
    {
        var monitor = await factory.AddMonitorAsync();
        var page = await factory.AddPageAsync(true, null, ("S", [(monitor.Id, "Shop")]));
        var first = await PostAsync(page.Id, "First <outage> & more", [monitor.Id], "Body with <b>tags</b>");
        var second = await PostAsync(page.Id, "Second", []);
        await Incidents.AppendUpdateAsync(Actor.System, page.Id, second, new("monitoring", "Watching *closely*."), default);
        using var client = factory.CreateClient();

        using var feed = await client.GetAsync($"/status/{page.Slug}/feed");
        var summary = JsonDocument.Parse(await client.GetStringAsync($"/status/{page.Slug}/summary.json")).RootElement;

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType!.MediaType);
        var xml = XDocument.Parse(await feed.Content.ReadAsStringAsync());
        Assert.Equal(Atom + "feed", xml.Root!.Name);
        Assert.Equal($"Status of {page.Slug}", xml.Root.Element(Atom + "title")!.Value);
        var entries = xml.Root.Elements(Atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        var firstEntry = entries.Single(e => e.Element(Atom + "id")!.Value.EndsWith($"#incident-{first}"));
        Assert.Equal("First <outage> & more (investigating)", firstEntry.Element(Atom + "title")!.Value);
        Assert.Equal("Shop", firstEntry.Element(Atom + "category")!.Attribute("term")!.Value);
        Assert.Contains("&lt;b&gt;tags&lt;/b&gt;", firstEntry.Element(Atom + "content")!.Value);
        Assert.Contains("<em>closely</em>", entries.Single(e => e != firstEntry).Element(Atom + "content")!.Value);
        Assert.All(entries, e => Assert.True(DateTime.TryParse(e.Element(Atom + "updated")!.Value, out _)));

        var incidents = summary.GetProperty("incidents").EnumerateArray().ToList();
        Assert.Equal([second, first], incidents.Select(i => i.GetProperty("id").GetInt32()));
        Assert.Equal("monitoring", incidents[0].GetProperty("status").GetString());
        Assert.Equal("Watching *closely*.", incidents[0].GetProperty("updates")[0].GetProperty("body").GetString());
        Assert.Equal(["Shop"], incidents[1].GetProperty("monitors").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(JsonValueKind.Null, incidents[1].GetProperty("resolved_at").ValueKind);
    }

    [Fact]
    public async Task The_feed_of_an_unpublished_or_unknown_page_is_a_404_and_a_custom_domain_serves_it_at_its_root()
    {
        var hidden = await factory.AddPageAsync(false, null, ("S", []));
        await PostAsync(hidden.Id, "Hidden incident", []);
        var domain = $"status-{Guid.NewGuid():N}.example.com";
        var shown = await factory.AddPageAsync(true, domain, ("S", []));
        await PostAsync(shown.Id, "Shown incident", []);
        using var client = factory.CreateClient();

        using var unpublished = await client.GetAsync($"/status/{hidden.Slug}/feed");
        using var unknown = await client.GetAsync("/status/no-such-page/feed");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feed");
        request.Headers.Host = domain;
        using var onDomain = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
        Assert.DoesNotContain("Hidden incident", await unpublished.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onDomain.StatusCode);
        var xml = XDocument.Parse(await onDomain.Content.ReadAsStringAsync());
        Assert.Equal("Shown incident (investigating)", xml.Root!.Element(Atom + "entry")!.Element(Atom + "title")!.Value);
        Assert.Equal($"http://{domain}/feed", xml.Root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
    }

    [Fact]
    public async Task Nothing_private_leaks_into_the_html_summary_or_feed_of_a_page_with_incidents()
    {
        var down = await factory.AddMonitorAsync(ProbeDashboard.Core.Monitors.MonitorStatus.Offline);
        var page = await factory.AddPageAsync(true, null, ("All", [(down.Id, "Checkout")]));
        await PostAsync(page.Id, "Checkout down", [down.Id]);
        using var client = factory.CreateClient();

        var bodies = new[]
        {
            await client.GetStringAsync($"/status/{page.Slug}"),
            await client.GetStringAsync($"/status/{page.Slug}/summary.json"),
            await client.GetStringAsync($"/status/{page.Slug}/feed"),
        };

        foreach (var body in bodies)
            foreach (var secret in StatusPageFactory.SecretsOf(down).Append(down.Name))
                Assert.DoesNotContain(secret, body);
    }

    private async Task<int> PostAsync(int pageId, string title, int[] monitors, string body = "")
    {
        var saved = await Incidents.CreateAsync(Actor.System, pageId, new(title, body, null, monitors), default);
        Assert.Equal(IncidentOutcome.Done, saved.Outcome);
        return saved.Incident!.Id;
    }

    /// <summary>Moves an incident and its updates back in time, as if it had happened <paramref name="days"/> ago.</summary>
    private async Task MoveBackAsync(int incidentId, int days)
    {
        await factory.WithDbAsync(async db =>
        {
            var incident = await db.StatusPageIncidents.Include(i => i.Updates).SingleAsync(i => i.Id == incidentId);
            incident.CreatedAt = incident.CreatedAt.AddDays(-days);
            incident.UpdatedAt = incident.UpdatedAt.AddDays(-days);
            incident.ResolvedAt = incident.ResolvedAt?.AddDays(-days);
            foreach (var update in incident.Updates) update.CreatedAt = update.CreatedAt.AddDays(-days);
            await db.SaveChangesAsync();
        });
        factory.Services.GetRequiredService<PublicStatusCache>().Invalidate();
    }

    [GeneratedRegex("""<span class="day \w+" title="(?<title>[^"]*)"></span>""")]
    private static partial Regex DayTitles();
}
