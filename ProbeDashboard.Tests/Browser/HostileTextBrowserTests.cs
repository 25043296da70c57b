using ProbeDashboard.Core.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// In a real Chromium: the content security policy lets every page work without a single violation, and text that
/// users and agents control (names, messages, agent fields) carrying script shows as text and never runs.
/// </summary>
[Trait("Category", "Browser")]
public class HostileTextBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Runs script three ways if rendered as markup; each sets a flag the test then looks for.</summary>
    private const string Payload = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\"><b>bold</b>";

    [Fact]
    public async Task Pages_run_under_the_content_security_policy_without_violations()
    {
        var page = await fixture.NewSignedInPageAsync();
        var violations = WatchForViolations(page);
        await FailureArtifacts.RunAsync(page, async () =>
        {
            foreach (var path in new[] { "/", "/monitors", "/monitors/new", "/alerts", "/alert-rules", "/hosts", "/notification-groups", "/settings" })
            {
                await page.GotoAsync(path);
                await BrowserFixture.WaitUntilInteractiveAsync(page);
            }
            await page.GotoAsync("/login");
            Assert.Empty(violations);
        });
    }

    [Fact]
    public async Task Script_in_names_messages_and_agent_fields_shows_as_text_and_never_runs()
    {
        var (monitorId, hostId, eventId) = await PlantAsync();
        var page = await fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            foreach (var path in new[] { "/monitors", $"/monitors/{monitorId}", "/alerts", $"/alerts/{eventId}", "/alert-rules", "/hosts", $"/hosts/{hostId}" })
            {
                await page.GotoAsync(path);
                await BrowserFixture.WaitUntilInteractiveAsync(page);
                await Expect(page.GetByText("<b>bold</b>").Filter(new() { Visible = true }).First).ToBeVisibleAsync();
                Assert.Equal(0, await page.Locator("main b:text-is('bold')").CountAsync());
                Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
            }
        });
    }

    private static List<string> WatchForViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };
        return violations;
    }

    /// <summary>A monitor, an alert rule, a firing alert event and an agent host with a component, all named with the payload.</summary>
    private async Task<(int MonitorId, int HostId, long EventId)> PlantAsync()
    {
        var services = fixture.App.Services;
        var monitor = await services.GetRequiredService<MonitorService>().CreateAsync(Actor.System, new MonitorInput
        {
            Name = "web " + Payload, Type = (int)MonitorKind.Http, Target = "http://127.0.0.1:9/", Duration = 3600,
        }, "test", CancellationToken.None);
        var monitorId = monitor.Monitor!.Id;
        await using var db = await services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var host = new ProbeHost
        {
            Name = "agent " + Payload, Hostname = "box " + Payload, CreatedAt = now, LastSeenAt = now,
            Agent = new AgentDetails { Version = "1.0 " + Payload, Language = "java" },
        };
        db.Hosts.Add(host);
        var rule = new AlertRule
        {
            Name = "rule " + Payload, Type = AlertRuleType.ServiceProbe, TargetIds = [monitorId], Condition = "success == 0",
            CreatedAt = now, UpdatedAt = now,
        };
        db.AlertRules.Add(rule);
        await db.SaveChangesAsync();
        db.AgentComponents.Add(new AgentComponent
        {
            HostId = host.Id, PackageName = "lib " + Payload, PackagePath = "/lib/" + Payload, FirstSeenAt = now, LastSeenAt = now,
        });
        var alert = new AlertEvent
        {
            SourceKey = $"xss-{rule.Id}", AlertRuleId = rule.Id, AlertRuleName = rule.Name, Condition = rule.Condition,
            TargetType = AlertTargetType.Service, TargetId = monitorId, TargetName = "web " + Payload,
            Status = AlertEventStatus.Firing, Level = AlertLevel.Critical, Title = "title " + Payload, Message = "message " + Payload,
            PendingSince = now, TriggerTime = now,
        };
        db.AlertEvents.Add(alert);
        await db.SaveChangesAsync();
        return (monitorId, host.Id, alert.Id);
    }
}
