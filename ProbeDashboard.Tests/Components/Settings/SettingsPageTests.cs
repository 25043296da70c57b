using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Settings;
using ProbeDashboard.Tests.Api.OpenApi;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.AgentWire;

namespace ProbeDashboard.Tests.Components.Settings;

/// <summary>
/// Settings over the real services: admins see agent tokens and open-API clients (never their secrets) and manage
/// retention and compaction; other roles see none of the admin sections.
/// </summary>
public class SettingsPageTests(DashboardFactory app) : AppComponentTest(app), IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task An_admin_sees_tokens_and_clients_by_prefix_and_state_but_never_their_secrets()
    {
        using var admin = await App.CreateAdminClientAsync();
        var (_, secret) = await CreateTokenAsync(admin, "rack-7 agents");
        var (revokedId, _) = await CreateTokenAsync(admin, "retired agents");
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/agent-tokens/{revokedId}")).StatusCode);
        var client = await OpenApiAppFixture.CreateClientAsync(App, partner: true, name: "partner-ui@example.com");
        await SignInAsync(UserRole.Admin, "settings-admin");

        var page = Ctx.Render<SettingsPage>();
        page.WaitForAssertion(() => Assert.Contains("rack-7 agents", page.Markup));
        page.WaitForAssertion(() => Assert.Contains("partner-ui@example.com", page.Markup));

        var active = page.FindAll("tr").Single(r => r.TextContent.Contains("rack-7 agents"));
        Assert.Contains(secret[..10] + "…", active.TextContent);
        Assert.Contains(active.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Revoke");
        Assert.Contains("revoked", page.FindAll("tr").Single(r => r.TextContent.Contains("retired agents")).TextContent);
        var partner = page.FindAll("tr").Single(r => r.TextContent.Contains("partner-ui@example.com"));
        Assert.Contains(client.ApiId, partner.TextContent);
        Assert.Contains("Yes", partner.TextContent);
        Assert.DoesNotContain(secret, page.Markup);
        Assert.Empty(page.FindAll("code.token-secret"));
    }

    [Fact]
    public async Task A_token_made_here_is_shown_once_and_revoked_here()
    {
        await SignInAsync(UserRole.Admin, "token-admin");
        var section = Ctx.Render<AgentTokensSection>();
        section.WaitForAssertion(() => Assert.Empty(section.FindAll(".rows-skeleton")));

        section.OnRenderer(() => section.Field("Token name").Input("eu agents"));
        section.OnRenderer(() => section.Find("form").Submit());
        section.WaitForAssertion(() => Assert.StartsWith("pdt_", section.Find("code.token-secret").TextContent));
        section.Press("Done");
        Assert.Empty(section.FindAll("code.token-secret"));

        section.OnRenderer(() => section.FindAll("tr").Single(r => r.TextContent.Contains("eu agents")).QuerySelector("button")!.Click());
        section.WaitForAssertion(() => Assert.Contains("revoked", section.FindAll("tr").Single(r => r.TextContent.Contains("eu agents")).TextContent));
    }

    [Fact]
    public async Task An_operator_sees_no_admin_section()
    {
        using var admin = await App.CreateAdminClientAsync();
        await CreateTokenAsync(admin, "hidden-from-operators");
        await SignInAsync(UserRole.Operator, "settings-operator");

        var page = Ctx.Render<SettingsPage>();
        page.WaitForAssertion(() => Assert.Contains("Egress policy", page.Markup));
        foreach (var hidden in new[] { "Agent tokens", "hidden-from-operators", "Open API clients", "iplive apps", "Data retention" })
            Assert.DoesNotContain(hidden, page.Markup);
    }

    [Fact]
    public async Task Retention_errors_stay_on_their_fields_and_valid_days_are_saved()
    {
        await SignInAsync(UserRole.Admin, "retention-admin");
        var section = Ctx.Render<DataRetentionSection>();
        section.WaitForAssertion(() => Assert.Contains("Database size", section.Markup));

        section.OnRenderer(() => section.Field("Raw results (days)").Input("1000000"));
        section.OnRenderer(() => section.Find("form").Submit());
        section.WaitForAssertion(() => Assert.Contains("must be between", section.Find(".mud-input-error").TextContent));

        section.OnRenderer(() => section.Field("Raw results (days)").Input("14"));
        section.OnRenderer(() => section.Field("Hourly and daily rollups (days)").Input("180"));
        section.OnRenderer(() => section.Find("form").Submit());
        section.WaitForAssertion(() => Assert.Empty(section.FindAll(".mud-input-error")));
        var policy = await App.Services.GetRequiredService<RetentionSettings>().GetAsync(CancellationToken.None);
        Assert.Equal(new RetentionPolicy(14, 180, true), policy);
    }

    [Fact]
    public async Task Compacting_shows_that_it_runs_and_then_what_it_did()
    {
        await SignInAsync(UserRole.Admin, "compact-admin");
        var section = Ctx.Render<DataRetentionSection>();
        section.WaitForAssertion(() => Assert.Contains("Database size", section.Markup));

        section.Press("Compact now");
        section.WaitForAssertion(() => Assert.Contains("Database compacted from", section.Find(".long-action").TextContent), TimeSpan.FromSeconds(30));
        Assert.False(section.Button("Compact now").HasAttribute("disabled"));
    }
}
