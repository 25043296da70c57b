using Microsoft.Playwright;
using ProbeDashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// A TLS monitor from the dialog against a bare TLS port on 127.0.0.1 serving a self-signed certificate: refused (the
/// app trusts no private CA here), and its detail page still shows the certificate's days left and why it failed.
/// </summary>
[Trait("Category", "Browser")]
public class TlsMonitorJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };

    [Fact]
    public async Task Operator_creates_a_tls_monitor_and_reads_the_certificate_and_the_refusal_on_its_page()
    {
        using var certificate = TargetServer.SelfSignedCertificate(DateTimeOffset.UtcNow.AddDays(40.5));
        await using var port = TlsTestServer.Start(certificate);
        var page = await fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Monitors", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add monitor" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Name").FillAsync("Mail TLS");
            await dialog.GetByLabel("Type").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "TLS", Exact = true }).ClickAsync();
            await dialog.GetByLabel("Target").FillAsync(port.Target);
            await dialog.GetByLabel("Interval (seconds)").FillAsync("2");
            await dialog.GetByLabel("Timeout (seconds)").FillAsync("1");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Mail TLS" });
            await Expect(row.GetByText("Offline")).ToBeVisibleAsync(Patiently);
            await row.GetByRole(AriaRole.Link, new() { Name = "Mail TLS" }).ClickAsync();
            await Expect(page.GetByText("Certificate: 40 days left")).ToBeVisibleAsync(Patiently);
            var history = page.GetByRole(AriaRole.Region, new() { Name = "Probe history" });
            await Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = "certificate chain not trusted" }).First).ToBeVisibleAsync(Patiently);
        });
    }
}
