using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProbeDashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// An operator on call, in a real Chromium against the real app: a monitor whose target is down fires; the toast and
/// the new row appear on the open Alerts page without a reload; the operator acknowledges with a note and silences
/// for an hour on the event's page; the API then reports both.
/// </summary>
[Trait("Category", "Browser")]
public class AlertJourneyTests : IClassFixture<BrowserFixture>
{
    /// <summary>One 2 s probe round, the engine, the render throttle, and a margin for a busy 2-core machine.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 15_000 };

    private readonly BrowserFixture _fixture;

    public AlertJourneyTests(BrowserFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Operator_sees_a_fired_alert_live_then_acknowledges_and_silences_it_for_an_hour()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var target = await LocalTarget.StartAsync(cts.Token);
        await target.StopAsync(cts.Token);
        await target.DisposeAsync();
        using var api = await BearerClientAsync(cts.Token);
        var page = await _fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Alerts", Exact = false }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alerts", Level = 1 })).ToBeVisibleAsync();

            using var created = await api.PostAsJsonAsync("/api/v1/service-monitors", new
            {
                name = "Checkout", enable = true, type = 1, target = target.Url, duration = 2, timeout = 1,
                enable_alert = true, fail_threshold = 1,
            }, cts.Token);
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(cts.Token));

            await Expect(page.GetByText(new Regex("Alert fired: Checkout"))).ToBeVisibleAsync(Live);
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Checkout" });
            await Expect(row.GetByText("Firing")).ToBeVisibleAsync(Live);
            await Expect(page.GetByRole(AriaRole.Navigation).GetByText("1", new() { Exact = true })).ToBeVisibleAsync();

            await row.GetByRole(AriaRole.Link).First.ClickAsync();
            await page.WaitForURLAsync(new Regex("/alerts/[0-9]+$"));
            var eventId = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
            await Expect(page.GetByText("Firing since")).ToBeVisibleAsync();

            await page.GetByLabel("Note").FillAsync("Payment provider is down, on it");
            await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
            await Expect(page.GetByText("Acknowledged by")).ToBeVisibleAsync();

            await page.GetByText("1 h", new() { Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Silence", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status, new() { Name = "Status" })).ToHaveTextAsync("Silenced");
            await Expect(page.GetByText("Silenced until", new() { Exact = true })).ToBeVisibleAsync();

            using var detail = await api.GetAsync($"/api/v1/alert-events/{eventId}", cts.Token);
            var data = JsonDocument.Parse(await detail.Content.ReadAsStringAsync(cts.Token)).RootElement.GetProperty("data");
            Assert.True(data.GetProperty("acknowledged").GetBoolean());
            Assert.Equal("Payment provider is down, on it", data.GetProperty("ack_note").GetString());
            Assert.Equal("admin", data.GetProperty("ack_user").GetProperty("name").GetString());
            Assert.Equal("silenced", data.GetProperty("status").GetString());
            var until = data.GetProperty("silence_until").GetDateTime().ToUniversalTime();
            Assert.InRange(until, DateTime.UtcNow.AddMinutes(58), DateTime.UtcNow.AddMinutes(61));
        });
    }

    [Fact]
    public async Task Operator_writes_a_rule_with_the_condition_checked_while_typing_and_a_notification_group_with_a_test()
    {
        var page = await _fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Notification groups" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add group" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Name").FillAsync("On call");
            await dialog.GetByLabel("E-mail addresses (one per line)").FillAsync("oncall@example.test\nnot-an-address");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Add webhook" }).ClickAsync();
            await dialog.GetByLabel("Webhook URL").FillAsync("http://127.0.0.1:9/hook");
            await dialog.GetByLabel("Signing secret").FillAsync("s3cret");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog.GetByText("not e-mail addresses: not-an-address")).ToBeVisibleAsync();
            await dialog.GetByLabel("E-mail addresses (one per line)").FillAsync("oncall@example.test");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            var groupRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "On call" });
            await Expect(groupRow.GetByText("1 e-mail · 1 webhook · 0 phone")).ToBeVisibleAsync();
            await groupRow.GetByRole(AriaRole.Button, new() { Name = "Send a test to On call" }).ClickAsync();
            await Expect(page.GetByText("Test notification queued for On call")).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Alert rules" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
            await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync("Slow checkout");
            var condition = dialog.GetByLabel("Condition");
            await condition.PressSequentiallyAsync("latency > ");
            await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("character");
            await condition.PressSequentiallyAsync("2 && cpu_usage > 5");
            await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("cpu_usage");
            await condition.FillAsync("");
            await condition.PressSequentiallyAsync("latency > 2 || status_code >= 500");
            await Expect(dialog.GetByText("Condition is valid")).ToBeVisibleAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Slow checkout" })).ToBeVisibleAsync();
        });
    }

    private async Task<HttpClient> BearerClientAsync(CancellationToken cancellationToken)
    {
        var client = new HttpClient { BaseAddress = new Uri(_fixture.App.BaseUrl) };
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token",
            new { username = DashboardFactory.AdminUser, password = LiveApp.AdminPassword }, cancellationToken);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("data").GetProperty("access_token").GetString());
        return client;
    }
}
