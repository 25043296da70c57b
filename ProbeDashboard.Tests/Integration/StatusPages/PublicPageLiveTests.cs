using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Core.StatusPages.Incidents;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.StatusPages;

/// <summary>
/// The public page on the real app listening on 127.0.0.1 in Development, where the service provider validates
/// scopes: rendering the page outside a request scope once answered every reader with a 500 there.
/// </summary>
public class PublicPageLiveTests
{
    [Fact]
    public async Task A_published_page_with_an_incident_renders_on_the_live_app()
    {
        await using var app = await LiveApp.StartAsync(new Dictionary<string, string>(), CancellationToken.None);
        var saved = await app.Services.GetRequiredService<MonitorService>().CreateAsync(Actor.System, new MonitorInput
        {
            Name = "live public", Type = (int)MonitorKind.Http, Target = "http://127.0.0.1:9/", Duration = 60,
        }, "test", CancellationToken.None);
        var page = (await app.Services.GetRequiredService<StatusPageService>().CreateAsync(Actor.System, new StatusPageInput("live", "Live status", null, null,
            [new StatusPageSectionInput("Core", [new StatusPageItemInput(saved.Monitor!.Id, "Public API")])], true, null, true), CancellationToken.None)).Page!;
        await app.Services.GetRequiredService<IncidentService>().CreateAsync(Actor.System, page.Id, new IncidentInput("Slow API", "Looking.", null, null), CancellationToken.None);
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        using var response = await client.GetAsync("/status/live");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Public API", html);
        Assert.Contains("Slow API", html);
    }
}
