using Bunit;
using MudBlazor;
using ProbeDashboard.Alerts.Escalation.Ui;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Alerts.Escalation;

/// <summary>The policies page: steps read in words with group names, users counted, delete refused while in use.</summary>
public class EscalationPoliciesPageTests(AlertTestFactory factory) : EscalationUiTest(factory), IClassFixture<AlertTestFactory>
{
    private IRenderedComponent<EscalationPoliciesPage> Render()
    {
        RenderDialogs();
        _ = Popovers;
        RenderSnackbars();
        return Ctx.Render<EscalationPoliciesPage>();
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<EscalationPoliciesPage> page, string name) =>
        page.FindAll(".policy-grid tbody tr").Single(r => r.TextContent.Contains(name));

    [Fact]
    public async Task A_policy_reads_as_its_steps_with_group_names_and_counts_its_rules_and_monitors()
    {
        var onCall = await Factory.Feed.AddGroupAsync(Unique("On call"), emails: ["oncall@example.test"]);
        var leads = await Factory.Feed.AddGroupAsync(Unique("Leads"), emails: ["leads@example.test"]);
        var policy = await AddPolicyAsync(Unique("Rota"), (0, [onCall.Id]), (5400, [leads.Id, onCall.Id]));
        await Factory.Feed.AddMonitorAsync(Unique("api"), m => m.EscalationPolicyId = policy.Id);

        var page = Render();

        page.WaitForAssertion(() => Assert.Contains(
            $"at once → {onCall.Name} · after 1 h 30 min → {leads.Name}, {onCall.Name}", Row(page, policy.Name).TextContent));
        Assert.Contains("0 rules, 1 monitors", Row(page, policy.Name).TextContent);
    }

    [Fact]
    public async Task Deleting_a_policy_in_use_says_who_uses_it_and_keeps_it_and_an_unused_one_is_deleted()
    {
        var group = await Factory.Feed.AddGroupAsync(Unique("Ops"), emails: ["ops@example.test"]);
        var used = await AddPolicyAsync(Unique("Used"), (0, [group.Id]));
        var spare = await AddPolicyAsync(Unique("Spare"), (0, [group.Id]));
        await Factory.Feed.AddMonitorAsync(Unique("db"), m => m.EscalationPolicyId = used.Id);
        var page = Render();
        var dialogs = RenderDialogs();
        var snackbars = RenderSnackbars();

        page.WaitForElement($"button[aria-label='Delete {used.Name}']");
        page.OnRenderer(() => page.Find($"button[aria-label='Delete {used.Name}']").Click());
        dialogs.WaitForElement(".mud-message-box");
        dialogs.OnRenderer(() => dialogs.FindAll(".mud-message-box button").Single(b => b.TextContent.Trim() == "Delete").Click());
        snackbars.WaitForAssertion(() => Assert.Contains($"\"{used.Name}\" is still used by 0 alert rules and 1 monitors", snackbars.Markup));
        Assert.NotNull(await Policies.GetAsync(TestActors.Admin, used.Id, CancellationToken.None));

        page.OnRenderer(() => page.Find($"button[aria-label='Delete {spare.Name}']").Click());
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll(".mud-message-box")));
        dialogs.OnRenderer(() => dialogs.FindAll(".mud-message-box button").Single(b => b.TextContent.Trim() == "Delete").Click());
        snackbars.WaitForAssertion(() => Assert.Contains($"Escalation policy \"{spare.Name}\" deleted", snackbars.Markup));
        Assert.Null(await Policies.GetAsync(TestActors.Admin, spare.Id, CancellationToken.None));
        page.WaitForAssertion(() => Assert.DoesNotContain(spare.Name, page.Find(".policy-grid").TextContent));
    }

    [Fact]
    public async Task A_viewer_reads_the_policies_without_add_edit_or_delete()
    {
        var group = await Factory.Feed.AddGroupAsync(Unique("Ops"), emails: ["ops@example.test"]);
        var policy = await AddPolicyAsync(Unique("Readable"), (0, [group.Id]));
        SignIn(UserRole.Viewer);

        var page = Render();

        page.WaitForAssertion(() => Assert.Contains(policy.Name, page.Find(".policy-grid").TextContent));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Add escalation policy"));
        Assert.Empty(page.FindAll($"button[aria-label='Delete {policy.Name}']"));
    }

    [Fact]
    public async Task The_page_reads_in_chinese()
    {
        var group = await Factory.Feed.AddGroupAsync(Unique("值班"), emails: ["duty@example.test"]);
        var policy = await AddPolicyAsync(Unique("夜班"), (0, [group.Id]), (300, [group.Id]));
        UseCulture("zh-Hans");

        var page = Render();

        Assert.Contains("升级策略", page.Find("h1").TextContent);
        page.WaitForAssertion(() => Assert.Contains($"立即 → {group.Name} · 5 min 后 → {group.Name}", Row(page, policy.Name).TextContent));
    }
}
