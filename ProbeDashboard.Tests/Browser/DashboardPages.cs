using Microsoft.Playwright;

namespace ProbeDashboard.Tests.Browser;

/// <summary>Every page of the signed-in dashboard that has a live circuit, for the checks that walk them all.</summary>
public static class DashboardPages
{
    /// <param name="monitorId">A monitor that exists, for its detail page.</param>
    public static string[] Paths(int monitorId) =>
    [
        "/", "/monitors", $"/monitors/{monitorId}", "/monitors/999999", "/alerts", "/alert-rules",
        "/notification-groups", "/escalation-policies", "/hosts", "/hosts/1", "/audit-log", "/settings", "/api-docs", "/maintenance", "/status-pages",
        "/account/api-keys", "/account/sessions", "/users", "/monitors/new", "/alerts/999999",
    ];

    /// <summary>Opens <paramref name="path"/> and waits until its circuit is live and the page has loaded what it loads.</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
