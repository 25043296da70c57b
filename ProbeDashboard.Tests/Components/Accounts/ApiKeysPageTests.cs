using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ProbeDashboard.Auth.ApiKeys.Ui;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Accounts.ApiKeys;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Accounts;

/// <summary>The API keys page over the real key service: create (secret once), scopes offered by role, revoke, admin view.</summary>
public class ApiKeysPageTests(DashboardFactory app) : AppComponentTest(app), IClassFixture<DashboardFactory>
{
    private ApiKeyService Keys => App.Services.GetRequiredService<ApiKeyService>();

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<ApiKeysPage> Page, AppUser User)> OpenAsync(UserRole role, string userName)
    {
        var user = await SignInAsync(role, userName);
        RenderPopovers();
        var dialogs = Ctx.Render<MudDialogProvider>();
        var page = Ctx.Render<ApiKeysPage>();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-skeleton")));
        return (dialogs, page, user);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<ApiKeysPage> page, string name) =>
        page.FindAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == name);

    private static void OpenCreate(IRenderedComponent<ApiKeysPage> page, IRenderedComponent<MudDialogProvider> dialogs)
    {
        page.Press("New API key");
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("form#create-api-key-form")));
    }

    [Fact]
    public async Task An_operator_makes_a_key_sees_its_secret_once_and_the_key_acts_with_the_chosen_scopes()
    {
        var (dialogs, page, user) = await OpenAsync(UserRole.Operator, "keys-operator");
        Assert.Contains("No API keys yet.", page.Markup);

        OpenCreate(page, dialogs);
        dialogs.OnRenderer(() => dialogs.Field("Name").Input("deploy pipeline"));
        dialogs.OnRenderer(() => dialogs.Find($"[data-scope='{Permissions.ServiceMonitorsWrite}'] input[type=checkbox]").Change(true));
        dialogs.OnRenderer(() => dialogs.Find($"[data-scope='{Permissions.AlertEventsRead}'] input[type=checkbox]").Change(false));
        dialogs.OnRenderer(() => dialogs.Find("form#create-api-key-form").Submit());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("form#create-api-key-form")));
        page.WaitForAssertion(() => Assert.Contains("pdk_", page.Find("code.token-secret").TextContent));
        var secret = page.Find("code.token-secret").TextContent.Trim();
        var row = Row(page, "deploy pipeline");
        Assert.Contains(secret[..12], row.TextContent);
        Assert.Contains("Monitors: change", row.TextContent);
        Assert.DoesNotContain("Alerts: read", row.TextContent);

        var check = await Keys.AuthenticateAsync(secret, "127.0.0.1", CancellationToken.None);
        Assert.Equal(user.Id, check.Identity!.UserId);
        Assert.Equal([Permissions.AlertRulesRead, Permissions.ServiceMonitorsRead, Permissions.ServiceMonitorsWrite], check.Identity.Permissions.Order());
        var key = (await Keys.ListAsync(Actor.ForRole(user.Id, user.UserName!, UserRole.Operator), false, CancellationToken.None)).Single();
        Assert.InRange(key.Key.ExpiresAt!.Value, DateTime.UtcNow.AddDays(89), DateTime.UtcNow.AddDays(91));

        page.Press("Done");
        Assert.Empty(page.FindAll("code.token-secret"));
    }

    [Fact]
    public async Task A_viewer_is_offered_only_read_scopes_and_the_dialog_refuses_a_key_without_name_or_scope()
    {
        var (dialogs, page, _) = await OpenAsync(UserRole.Viewer, "keys-viewer");
        OpenCreate(page, dialogs);

        var offered = dialogs.FindAll("[data-scope]").Select(e => e.GetAttribute("data-scope")).ToList();
        Assert.Equal([Permissions.ServiceMonitorsRead, Permissions.AlertRulesRead, Permissions.AlertEventsRead], offered);
        foreach (var scope in offered)
            dialogs.OnRenderer(() => dialogs.Find($"[data-scope='{scope}'] input[type=checkbox]").Change(false));
        dialogs.OnRenderer(() => dialogs.Find("form#create-api-key-form").Submit());

        dialogs.WaitForAssertion(() => Assert.Contains("Choose at least one permission.", dialogs.Markup));
        Assert.Contains("Required", dialogs.Find(".mud-input-error").TextContent);
        Assert.NotEmpty(dialogs.FindAll("form#create-api-key-form"));
        Assert.Empty(page.FindAll("tbody tr"));
    }

    [Fact]
    public async Task Revoking_asks_first_then_the_key_stops_working_and_shows_as_revoked()
    {
        var (dialogs, page, user) = await OpenAsync(UserRole.Operator, "keys-revoker");
        var actor = Actor.ForRole(user.Id, user.UserName!, UserRole.Operator);
        var made = await Keys.CreateAsync(actor, "old script", [Permissions.ServiceMonitorsRead], null, CancellationToken.None);
        page = Ctx.Render<ApiKeysPage>();
        page.WaitForAssertion(() => Row(page, "old script"));

        page.Press("Revoke API key old script");
        dialogs.WaitForAssertion(() => Assert.Contains("Revoke the key \"old script\"?", dialogs.Markup));
        dialogs.OnRenderer(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Cancel").Click());
        Assert.NotNull((await Keys.AuthenticateAsync(made.Secret!, null, CancellationToken.None)).Identity);

        page.Press("Revoke API key old script");
        dialogs.WaitForAssertion(() => Assert.Contains("Revoke the key \"old script\"?", dialogs.Markup));
        dialogs.OnRenderer(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Revoke").Click());

        page.WaitForAssertion(() => Assert.Contains("revoked", Row(page, "old script").TextContent));
        Assert.Empty(Row(page, "old script").QuerySelectorAll("button"));
        Assert.Equal("API key revoked", (await Keys.AuthenticateAsync(made.Secret!, null, CancellationToken.None)).Refusal);
    }

    [Fact]
    public async Task An_admin_can_list_everyone_s_keys_with_their_owners_and_others_have_no_such_switch()
    {
        var other = await App.CreateUserAsync(UserRole.Operator, "keys-other-owner");
        await Keys.CreateAsync(Actor.ForRole(other.Id, other.UserName!, UserRole.Operator),
            "someone else's", [Permissions.AlertEventsRead], null, CancellationToken.None);

        var (_, page, _) = await OpenAsync(UserRole.Admin, "keys-admin");
        Assert.Empty(page.FindAll("tbody tr"));
        page.OnRenderer(() => page.Find(".mud-switch input[type=checkbox]").Change(true));
        page.WaitForAssertion(() => Assert.Contains("keys-other-owner", Row(page, "someone else's").TextContent));
        Assert.Contains("Owner", page.Find("thead").TextContent);
    }

    [Fact]
    public async Task A_non_admin_sees_no_switch_and_the_page_reads_in_chinese()
    {
        UseCulture("zh-Hans");
        var (_, page, _) = await OpenAsync(UserRole.Viewer, "keys-zh");
        Assert.Empty(page.FindAll(".mud-switch"));
        Assert.Contains("API 密钥", page.Find("h1").TextContent);
        Assert.Contains("还没有 API 密钥。", page.Markup);
    }
}
