using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Storage;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// How the alert screens lay out in a real Chromium: the group dialog's channel rows stay inside the dialog on a
/// desktop and on a phone, and an event's page draws its history chart and its notifications in both themes and
/// both languages. Each screen is saved under browser-artifacts/screens for a person to look at.
/// </summary>
[Trait("Category", "Browser")]
public class AlertScreensBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<int, string, string> Screens => new()
    {
        { 1280, "light", "en" }, { 1280, "dark", "zh-Hans" }, { 390, "light", "zh-Hans" }, { 390, "dark", "en" },
    };

    private async Task<IPage> PageAsync(int width, string theme, string culture)
    {
        var page = await fixture.NewSignedInPageAsync();
        await page.Context.AddCookiesAsync(
        [
            new Cookie { Name = "pd-theme", Value = theme, Url = fixture.App.BaseUrl },
            new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = fixture.App.BaseUrl },
        ]);
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        return page;
    }

    private static async Task SaveScreenAsync(IPage page, string name)
    {
        var directory = Path.Combine(FailureArtifacts.Directory, "screens");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, name + ".png") });
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_group_dialogs_channel_rows_stay_inside_the_dialog(int width, string theme, string culture)
    {
        var page = await PageAsync(width, theme, culture);
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GotoAsync("/notification-groups");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            await page.Locator(".page-header .actions button").ClickAsync();
            var dialog = page.Locator(".mud-dialog");
            await Expect(dialog).ToBeVisibleAsync();
            await dialog.Locator(".recipient-box").First.Locator("button").Last.ClickAsync();
            await dialog.Locator(".channel-row input").First.FillAsync("https://hooks.example.test/" + new string('a', 120));
            await dialog.Locator(".recipient-box").Nth(1).Locator("button").Last.ClickAsync();
            await Expect(dialog.Locator(".service-recipient")).ToHaveCountAsync(1);

            var box = (await dialog.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5, $"dialog {box.X}+{box.Width} overflows a {width} px window");
            foreach (var row in await dialog.Locator(".channel-row > *").AllAsync())
            {
                var part = (await row.BoundingBoxAsync())!;
                Assert.True(part.X >= box.X - 0.5 && part.X + part.Width <= box.X + box.Width + 0.5,
                    $"a channel field at {part.X}+{part.Width} leaves the dialog at {box.X}+{box.Width}");
            }
            await Expect(dialog.Locator(".mud-dialog-actions button").Last).ToBeInViewportAsync();
            await SaveScreenAsync(page, $"group-dialog-{width}-{theme}-{culture}");
        });
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task An_events_page_draws_its_history_chart_and_its_notifications(int width, string theme, string culture)
    {
        var eventId = await PlantEventAsync();
        var page = await PageAsync(width, theme, culture);
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GotoAsync($"/alerts/{eventId}");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            await Expect(page.Locator(".alert-history .apexcharts-canvas")).ToBeVisibleAsync();
            await Expect(page.Locator(".alert-history .apexcharts-xaxis-annotations .apexcharts-annotation-rect")).ToHaveCountAsync(1);
            var error = page.Locator(".sent-table .last-error").Last;
            await Expect(error).ToContainTextAsync("end of the long error");
            Assert.True(await error.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth + 1"), "the last error is cut off");
            await SaveScreenAsync(page, $"alert-detail-{width}-{theme}-{culture}");

            await page.GotoAsync("/alerts/987654321");
            await Expect(page.Locator(".empty-state")).ToBeVisibleAsync();
            await Expect(page.Locator("h1")).ToHaveCountAsync(0);
            await SaveScreenAsync(page, $"alert-missing-{width}-{theme}-{culture}");
        });
    }

    /// <summary>A resolved event (the engine leaves it alone) with latency samples, a failed stretch and two notifications.</summary>
    private async Task<long> PlantEventAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync();
        var start = DateTime.UtcNow.AddMinutes(-30);
        var alert = new AlertEvent
        {
            SourceKey = "screens-" + Guid.NewGuid().ToString("N"), AlertRuleName = "Checkout latency", Condition = "latency > 0.5 || success == 0",
            TargetType = AlertTargetType.Service, TargetId = 424242, TargetName = "checkout.example.test", Status = AlertEventStatus.Resolved,
            Level = AlertLevel.Critical, Title = "Checkout is slow", Message = "latency above 500 ms", PendingSince = start, TriggerTime = start.AddMinutes(2),
            RecoverTime = start.AddMinutes(20), CurrentValueJson = """{"latency":0.12,"success":1}""", UpdatedAt = DateTime.UtcNow,
        };
        for (var i = 0; i < 20; i++)
        {
            var failed = i is >= 8 and < 11;
            alert.Samples.Add(new AlertEventSample
            {
                Timestamp = start.AddMinutes(i),
                ValuesJson = failed ? """{"success":0,"consecutive_failures":1}"""
                    : string.Create(CultureInfo.InvariantCulture, $$"""{"latency":{{0.1 + i % 5 * 0.15}},"success":1,"status_code":200}"""),
            });
        }
        db.AlertEvents.Add(alert);
        await db.SaveChangesAsync();
        db.NotificationOutbox.AddRange(
            new NotificationOutboxEntry
            {
                AlertEventId = alert.Id, Channel = NotificationChannelKind.Email, Address = "oncall-team-with-a-long-name@example.test", Purpose = NotificationPurpose.Fired,
                Status = OutboxStatus.Delivered, Attempts = 1, CreatedAt = start.AddMinutes(2), SentAt = start.AddMinutes(2), NextAttemptAt = start,
            },
            new NotificationOutboxEntry
            {
                AlertEventId = alert.Id, Channel = NotificationChannelKind.Webhook, Address = "https://hooks.example.test/services/T000/B000/" + new string('x', 60),
                Purpose = NotificationPurpose.Fired, Status = OutboxStatus.Failed, Attempts = 5, CreatedAt = start.AddMinutes(2), NextAttemptAt = start,
                LastError = "connection refused by 127.0.0.1:9 after 5 attempts; the receiver did not answer within 10 s " + new string('y', 80) + " end of the long error",
            });
        await db.SaveChangesAsync();
        return alert.Id;
    }
}
