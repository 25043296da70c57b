using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ProbeDashboard.Auth.Sessions;
using ProbeDashboard.Auth.Sessions.Ui;
using ProbeDashboard.Core.Accounts.Sessions;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Accounts;

/// <summary>The sessions page over the real session service: the current browser marked, others ended one by one or all.</summary>
public class SessionsPageTests(DashboardFactory app) : AppComponentTest(app), IClassFixture<DashboardFactory>
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

    private SessionService Sessions => App.Services.GetRequiredService<SessionService>();

    /// <summary>Signs in as a browser session (the circuit's principal carries its key), with one API token beside it.</summary>
    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<SessionsPage> Page, AppUser User, string Current, string Token)> OpenAsync(string userName)
    {
        var user = await SignInAsync(UserRole.Viewer, userName);
        var current = await Sessions.StartAsync(user.Id, SessionKind.Browser, Firefox, "127.0.0.1", null, default);
        var token = await Sessions.StartAsync(user.Id, SessionKind.ApiToken, "curl/8.5.0", "127.0.0.2", DateTime.UtcNow.AddHours(1), default);
        using (var scope = App.Services.CreateScope())
        {
            var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
            Auth.SetClaims([.. principal.Claims.Where(c => c.Type != ClaimTypes.Name), SessionClaims.For(current)]);
        }
        var dialogs = Ctx.Render<MudDialogProvider>();
        var page = Ctx.Render<SessionsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        return (dialogs, page, user, current, token);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<SessionsPage> page, string device) =>
        page.FindAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains(device));

    [Fact]
    public async Task The_current_browser_is_marked_and_has_no_end_button_and_the_token_has_one()
    {
        var (_, page, _, _, _) = await OpenAsync("sessions-list");

        var browser = Row(page, "Firefox · Linux");
        Assert.Contains("this browser", browser.TextContent);
        Assert.Contains("Browser", browser.TextContent);
        Assert.Equal(Firefox, browser.QuerySelector("th")!.GetAttribute("title"));
        Assert.Empty(browser.QuerySelectorAll("button"));
        var token = Row(page, "curl");
        Assert.Contains("API token", token.TextContent);
        Assert.Contains("127.0.0.2", token.TextContent);
        Assert.Single(token.QuerySelectorAll("button"));
    }

    [Fact]
    public async Task Ending_a_session_asks_first_and_then_it_stops_working()
    {
        var (dialogs, page, user, _, token) = await OpenAsync("sessions-end");
        page.OnRenderer(() => Row(page, "curl").QuerySelector("button")!.Click());
        dialogs.WaitForAssertion(() => Assert.Contains("End this session (curl)?", dialogs.Markup));
        dialogs.OnRenderer(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Cancel").Click());
        Assert.True(await Sessions.CheckAsync(token, user.Id, null, default));

        page.OnRenderer(() => Row(page, "curl").QuerySelector("button")!.Click());
        dialogs.WaitForAssertion(() => Assert.Contains("End this session (curl)?", dialogs.Markup));
        dialogs.OnRenderer(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "End").Click());

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));
        Assert.False(await Sessions.CheckAsync(token, user.Id, null, default));
    }

    [Fact]
    public async Task Ending_all_others_keeps_this_browser()
    {
        var (dialogs, page, user, current, token) = await OpenAsync("sessions-others");

        page.Press("End all other sessions");
        dialogs.WaitForAssertion(() => Assert.Contains("End every other session?", dialogs.Markup));
        dialogs.OnRenderer(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "End all other sessions").Click());

        page.WaitForAssertion(() => Assert.Contains("this browser", Assert.Single(page.FindAll("tbody tr")).TextContent));
        Assert.True(await Sessions.CheckAsync(current, user.Id, null, default));
        Assert.False(await Sessions.CheckAsync(token, user.Id, null, default));
        Assert.NotNull(page.Button("End all other sessions").GetAttribute("disabled"));
    }

    [Fact]
    public async Task The_page_reads_in_chinese()
    {
        UseCulture("zh-Hans");
        var (_, page, _, _, _) = await OpenAsync("sessions-zh");
        Assert.Equal("会话", page.Find("h1").TextContent.Trim());
        Assert.Contains("当前浏览器", page.Markup);
        Assert.Contains("API 令牌", page.Markup);
    }

    [Theory]
    [InlineData(Firefox, "Firefox · Linux")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0", "Edge · Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1", "Safari · iPhone")]
    [InlineData("curl/8.5.0", "curl")]
    [InlineData("my-own-tool", "my-own-tool")]
    public void A_user_agent_reads_as_browser_and_system(string userAgent, string expected) =>
        Assert.Equal(expected, DeviceText.Short(userAgent));
}
