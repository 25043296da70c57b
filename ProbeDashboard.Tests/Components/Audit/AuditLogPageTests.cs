using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Audit;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Audit;

/// <summary>The audit log page pages through the log on the server and narrows it with its filters.</summary>
public class AuditLogPageTests(DashboardFactory app) : AppComponentTest(app), IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Entries_show_who_did_what_and_the_target_filter_narrows_them()
    {
        var tokens = App.Services.GetRequiredService<AgentTokenService>();
        await tokens.CreateAsync(TestActors.Admin, "audited token", CancellationToken.None);
        await tokens.CreateAsync(TestActors.Admin, "another token", CancellationToken.None);
        await SignInAsync(UserRole.Admin, "audit-admin");

        var page = Ctx.Render<AuditLogPage>();
        page.WaitForAssertion(() => Assert.Contains("audited token", page.Markup));
        var row = page.FindAll("tbody tr").First(r => r.TextContent.Contains("audited token"));
        Assert.Contains("Agent token created", row.TextContent);
        Assert.Equal("agent_token.create", row.QuerySelector(".audit-action")!.GetAttribute("title"));
        Assert.Contains("admin-test", row.TextContent);
        Assert.Contains("another token", page.Markup);

        page.OnRenderer(() => page.Field("Target").Input("audited token"));
        page.OnRenderer(() => page.Find("form").Submit());
        page.WaitForAssertion(() => Assert.DoesNotContain("another token", page.Markup));
        Assert.Contains("audited token", page.Markup);
    }

    [Fact]
    public async Task In_chinese_action_names_targets_and_known_details_are_translated_and_names_stay_as_written()
    {
        var groups = App.Services.GetRequiredService<NotificationGroupService>();
        var created = await groups.CreateAsync(TestActors.Admin, new NotificationGroupInput("值班 old", ["a@example.test"], [], []), CancellationToken.None);
        await groups.UpdateAsync(TestActors.Admin, created.Group!.Id, new NotificationGroupInput("值班 new", ["a@example.test"], [], [], BodyTemplate: "{{ event.title }}"),
            CancellationToken.None);
        await SignInAsync(UserRole.Admin, "audit-zh");
        UseCulture("zh-Hans");

        var page = Ctx.Render<AuditLogPage>();
        page.OnRenderer(() => page.Field("对象").Input($"notification group #{created.Group.Id} "));
        page.OnRenderer(() => page.Find("form").Submit());
        page.WaitForAssertion(() => Assert.Contains("修改通知组", page.Markup));
        var row = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("修改通知组"));
        Assert.Contains($"通知组 #{created.Group.Id} 值班 new", row.TextContent);
        Assert.Contains("名称：值班 old → 值班 new", row.TextContent);
        Assert.Contains("消息模板已更改", row.TextContent);
        Assert.Contains("创建通知组", page.Markup);
        Assert.DoesNotContain("notification_group.update", row.TextContent);
    }

    [Fact]
    public async Task Many_entries_come_a_page_at_a_time()
    {
        var tokens = App.Services.GetRequiredService<AgentTokenService>();
        for (var i = 0; i < 30; i++) await tokens.CreateAsync(TestActors.Admin, $"paged token {i:00}", CancellationToken.None);
        await SignInAsync(UserRole.Admin, "audit-pager");

        var page = Ctx.Render<AuditLogPage>();
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("tbody tr").Count));
        page.OnRenderer(() => page.Field("Target").Input("paged token"));
        page.OnRenderer(() => page.Find("form").Submit());
        page.WaitForAssertion(() => Assert.Contains("1-25 of 30", page.Find(".mud-table-pagination").TextContent));
    }
}
