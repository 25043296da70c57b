using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Accounts.SingleSignOn;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using ProbeDashboard.Users;

namespace ProbeDashboard.Tests.Components.Users;

/// <summary>The Users page says how each user signs in: two-factor on, and single sign-on through the provider.</summary>
public class UsersPageSignInTests(DashboardFactory app) : AppComponentTest(app), IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Two_factor_and_single_sign_on_users_carry_their_chips_and_a_plain_user_neither()
    {
        var plain = await App.CreateUserAsync(UserRole.Viewer, "plain-user");
        var linked = await App.CreateUserAsync(UserRole.Operator, "linked-user");
        var twoFactor = await App.CreateUserAsync(UserRole.Viewer, "totp-user");
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.AddLoginAsync((await users.FindByIdAsync(linked.Id.ToString()))!,
                new UserLoginInfo(ExternalSignInService.LoginProvider("https://id.example.test"), "sub-1", "Example IdP"));
            await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(twoFactor.Id.ToString()))!, true);
        }
        await SignInAsync(UserRole.Admin, "users-sign-in-admin");
        RenderPopovers();

        var page = Ctx.Render<UsersPage>();

        page.WaitForAssertion(() => Assert.Contains("linked-user", page.Find("table").TextContent));
        string Status(string name) => page.FindAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == name).TextContent;
        Assert.Contains("single sign-on", Status("linked-user"));
        Assert.DoesNotContain("two-factor on", Status("linked-user"));
        Assert.Contains("two-factor on", Status("totp-user"));
        Assert.DoesNotContain("single sign-on", Status("totp-user"));
        Assert.DoesNotContain("single sign-on", Status(plain.UserName!));
        Assert.DoesNotContain("two-factor on", Status(plain.UserName!));
    }
}
