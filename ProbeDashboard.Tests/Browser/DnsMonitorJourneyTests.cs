using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProbeDashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// A DNS monitor from the dialog's DNS section against a real dnsmasq on 127.0.0.1 (answers 127.x only), with the flap
/// fields of the schedule section: it comes online, its page shows passing rounds, and the dialog kept the retry interval.
/// </summary>
[Trait("Category", "Browser")]
public class DnsMonitorJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };

    [Fact]
    public async Task Operator_creates_a_dns_monitor_with_flap_control_and_sees_it_online()
    {
        await using var dns = await DnsmasqServer.StartAsync();
        var page = await fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Monitors", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add monitor" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Name").FillAsync("Web name");
            await dialog.GetByLabel("Type").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "DNS", Exact = true }).ClickAsync();
            await dialog.GetByLabel("Target").FillAsync("web.probe.test");
            await dialog.GetByLabel("Resolver").FillAsync(dns.Resolver);
            await dialog.GetByLabel("Expected answer").FillAsync("127.0.0.10");
            await dialog.GetByLabel("Interval (seconds)").FillAsync("2");
            await dialog.GetByLabel("Timeout (seconds)").FillAsync("1");
            await dialog.GetByLabel("Retry interval (s)").FillAsync("1");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Web name" });
            await Expect(row.GetByText("Online")).ToBeVisibleAsync(Patiently);
            await row.GetByRole(AriaRole.Link, new() { Name = "Web name" }).ClickAsync();
            var history = page.GetByRole(AriaRole.Region, new() { Name = "Probe history" });
            await Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = "OK" }).First).ToBeVisibleAsync(Patiently);
            await Expect(page.GetByText(new Regex(@"^DNS · web\.probe\.test · every 2 s"))).ToBeVisibleAsync();

            // The flap settings came through the dialog.
            await page.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
            await Expect(dialog.GetByLabel("Retry interval (s)")).ToHaveValueAsync("1");
        });
    }
}
