using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Alerts.Escalation;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Notifications;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>An operator creates an escalation policy with two steps and picks it on a monitor.</summary>
[Trait("Category", "Browser")]
public class EscalationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Operator_creates_a_two_step_policy_and_picks_it_on_a_monitor()
    {
        var services = fixture.App.Services;
        var groups = services.GetRequiredService<NotificationGroupService>();
        foreach (var name in new[] { "First line", "Team leads" })
            Assert.Equal(GroupChangeOutcome.Done, (await groups.CreateAsync(Actor.System, new NotificationGroupInput(name, [$"{name.Replace(' ', '.')}@example.test"], [], []), CancellationToken.None)).Outcome);
        var monitor = await services.GetRequiredService<MonitorService>().CreateAsync(Actor.System, new MonitorInput
        {
            Name = "Checkout API", Type = (int)MonitorKind.Http, Target = "http://127.0.0.1:9/", Duration = 60, EnableAlert = true,
        }, "test", CancellationToken.None);
        var page = await fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Escalation policies" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No escalation policies yet" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add escalation policy" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync("Night rota");

            var step1 = dialog.GetByRole(AriaRole.Group, new() { Name = "Step 1" });
            await step1.GetByLabel("Notification groups").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "First line" }).ClickAsync();
            await page.Keyboard.PressAsync("Escape");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Add step" }).ClickAsync();
            var step2 = dialog.GetByRole(AriaRole.Group, new() { Name = "Step 2" });
            await step2.GetByLabel("Seconds after the previous step").FillAsync("900");
            await step2.GetByLabel("Notification groups").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Team leads" }).ClickAsync();
            await page.Keyboard.PressAsync("Escape");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Night rota" });
            await Expect(row.GetByText("at once → First line · after 15 min → Team leads")).ToBeVisibleAsync();
            await Expect(row.GetByText("0 rules, 0 monitors")).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Monitors", Exact = true }).ClickAsync();
            var monitorRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Checkout API" });
            await monitorRow.GetByRole(AriaRole.Button, new() { Name = "Edit Checkout API" }).ClickAsync();
            await dialog.GetByLabel("Escalation policy").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Night rota" }).ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Escalation policies" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Night rota" }).GetByText("0 rules, 1 monitors")).ToBeVisibleAsync();
        });
        var stored = await services.GetRequiredService<MonitorQueries>().FindAsync(Actor.System, monitor.Monitor!.Id, CancellationToken.None);
        var policy = (await services.GetRequiredService<EscalationPolicyService>().ListAsync(Actor.System, CancellationToken.None)).Single(p => p.Name == "Night rota");
        Assert.Equal(policy.Id, stored!.EscalationPolicyId);
        Assert.Equal([0, 900], policy.Steps.Select(s => s.AfterSeconds));
    }
}
