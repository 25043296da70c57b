using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Audit;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Auth;
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
        Assert.Contains("agent_token.create", row.TextContent);
        Assert.Contains("admin-test", row.TextContent);
        Assert.Contains("another token", page.Markup);

        page.Field("Target").Input("audited token");
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.DoesNotContain("another token", page.Markup));
        Assert.Contains("audited token", page.Markup);
    }

    [Fact]
    public async Task Many_entries_come_a_page_at_a_time()
    {
        var tokens = App.Services.GetRequiredService<AgentTokenService>();
        for (var i = 0; i < 30; i++) await tokens.CreateAsync(TestActors.Admin, $"paged token {i:00}", CancellationToken.None);
        await SignInAsync(UserRole.Admin, "audit-pager");

        var page = Ctx.Render<AuditLogPage>();
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("tbody tr").Count));
        page.Field("Target").Input("paged token");
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Contains("1-25 of 30", page.Find(".mud-table-pagination").TextContent));
    }
}
