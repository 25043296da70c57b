using System.Net;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Ui;

/// <summary>The Settings page shows the egress policy in force, read-only, to every signed-in user.</summary>
public class EgressSettingsUiTests
{
    [Fact]
    public async Task Settings_show_each_scopes_profile_and_ranges_and_what_is_always_refused()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var factory = new DashboardFactory();
        factory.Settings["Egress:Probes:Deny:0"] = "127.0.0.2/32";
        factory.Settings["Egress:Probes:Allow:0"] = "169.254.10.0/24";
        factory.Settings["Egress:Webhooks:Profile"] = "Strict";
        await factory.CreateUserAsync(UserRole.Viewer, "watcher", DashboardFactory.UserPassword);
        using var session = new DashboardSession(factory);
        await session.SignInAsync("watcher", DashboardFactory.UserPassword, cts.Token);

        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/settings", cts.Token));

        Assert.Contains("Egress policy", html);
        Assert.Contains("Allowed ranges: 169.254.10.0/24", html);
        Assert.Contains("Denied ranges: 127.0.0.2/32", html);
        Assert.Contains("Default: link-local and cloud metadata addresses refused; LAN and loopback allowed", html);
        Assert.Contains("Strict: also no private ranges and no loopback", html);
        Assert.Contains("169.254.0.0/16, fe80::/10, fd00:ec2::254/128", html);
    }
}
