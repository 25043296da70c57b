using Microsoft.Extensions.Options;
using ProbeDashboard.Auth;
using ProbeDashboard.Auth.SingleSignOn;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Accounts.SingleSignOn;

/// <summary>Auth:Oidc and Auth:LocalSignIn are checked at start-up, so a typo is not found at the first sign-in.</summary>
public class OidcSettingsTests
{
    private static OidcSettings Valid() => new()
    {
        Authority = "https://id.example.test/realms/ops", ClientId = "probedashboard",
        RoleMap = new() { ["ops"] = "operator", ["admins"] = "Admin" },
    };

    [Fact]
    public void Complete_settings_have_no_problem_and_off_is_fine_too()
    {
        Assert.Null(Valid().Problem());
        Assert.Null(new OidcSettings().Problem());
        Assert.False(new OidcSettings().Enabled);
    }

    [Theory]
    [InlineData("authority", "Authority must be an absolute http(s) URL")]
    [InlineData("client", "ClientId is required")]
    [InlineData("map-empty", "RoleMap must map at least one")]
    [InlineData("map-bad", "the role of ops must be admin, operator or viewer")]
    public void Each_problem_is_named(string broken, string expected)
    {
        var settings = Valid();
        switch (broken)
        {
            case "authority": settings.Authority = "id.example.test"; break;
            case "client": settings.ClientId = " "; break;
            case "map-empty": settings.RoleMap.Clear(); break;
            case "map-bad": settings.RoleMap["ops"] = "superuser"; break;
        }
        Assert.Contains(expected, settings.Problem());
    }

    [Fact]
    public void A_user_with_several_mapped_groups_gets_the_highest_role_and_unmapped_groups_count_for_nothing()
    {
        var policy = Valid().Policy();

        Assert.Equal(UserRole.Admin, policy.RoleFor(["ops", "admins", "marketing"]));
        Assert.Equal(UserRole.Operator, policy.RoleFor(["marketing", "ops"]));
        Assert.Null(policy.RoleFor(["marketing", "OPS"]));
    }

    [Fact]
    public void Break_glass_only_lets_the_named_user_in_whatever_the_case()
    {
        var auth = new AuthOptions { LocalSignIn = LocalSignInMode.BreakGlassOnly, BreakGlassUser = "root-admin" };

        Assert.True(auth.AllowsLocalSignIn(" Root-Admin "));
        Assert.False(auth.AllowsLocalSignIn("alice"));
        Assert.True(new AuthOptions().AllowsLocalSignIn("alice"));
    }

    [Fact]
    public void The_server_does_not_start_with_a_wrong_role_map_or_break_glass_without_a_user()
    {
        using (var factory = new DashboardFactory())
        {
            factory.Settings["Auth:Oidc:Authority"] = "https://id.example.test";
            factory.Settings["Auth:Oidc:ClientId"] = "probedashboard";
            factory.Settings["Auth:Oidc:RoleMap:ops"] = "superuser";
            var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Services);
            Assert.Contains("the role of ops must be admin, operator or viewer", error.Message);
        }
        using (var factory = new DashboardFactory())
        {
            factory.Settings["Auth:LocalSignIn"] = "BreakGlassOnly";
            var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Services);
            Assert.Contains("needs Auth:BreakGlassUser", error.Message);
        }
    }
}
