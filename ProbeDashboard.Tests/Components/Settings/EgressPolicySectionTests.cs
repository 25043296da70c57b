using Bunit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Settings;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Settings;

public sealed class EgressFactory : DashboardFactory
{
    public EgressFactory()
    {
        Settings["Egress:Probes:Deny:0"] = "127.0.0.2/32";
        Settings["Egress:Probes:Allow:0"] = "169.254.10.0/24";
        Settings["Egress:Webhooks:Profile"] = "Strict";
    }
}

/// <summary>Every signed-in user sees the egress policy in force, read-only.</summary>
public class EgressPolicySectionTests(EgressFactory app) : AppComponentTest(app), IClassFixture<EgressFactory>
{
    [Fact]
    public async Task A_viewer_sees_each_scopes_profile_and_ranges_and_what_is_always_refused()
    {
        await SignInAsync(UserRole.Viewer, "egress-watcher");

        var section = Ctx.Render<EgressPolicySection>();
        section.WaitForAssertion(() => Assert.Contains("Allowed ranges: 169.254.10.0/24", section.Markup));
        Assert.Contains("Denied ranges: 127.0.0.2/32", section.Markup);
        Assert.Contains("Default: link-local and cloud metadata addresses refused; LAN and loopback allowed", section.Markup);
        Assert.Contains("Strict: also no private ranges and no loopback", section.Markup);
        Assert.Contains("169.254.0.0/16, fe80::/10, fd00:ec2::254/128", section.Markup);
    }
}
