using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Api.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Accounts;

/// <summary>The token endpoint with 2FA on: codes computed from the secret at the app's (manual) clock.</summary>
public class TwoFactorSignInTests(ClockedDashboardFactory factory) : IClassFixture<ClockedDashboardFactory>
{
    private const string TokenPath = "/api/v1/auth/token";

    [Fact]
    public async Task Without_a_code_the_answer_is_401_saying_a_second_factor_is_needed()
    {
        var user = await TwoFactorUsers.CreateAsync(factory, factory.Clock);

        var (status, json) = await RequestAsync(user.Credentials());

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(TokenApi.SecondFactorRequiredCode, json.GetProperty("code").GetInt32());
        Assert.Contains("two-factor", json.GetProperty("message").GetString());
        Assert.Contains("totp", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_right_code_gets_a_token_once_and_the_same_code_again_is_refused()
    {
        var user = await TwoFactorUsers.CreateAsync(factory, factory.Clock);
        var code = user.Code();

        var (first, _) = await RequestAsync(user.Credentials(code));
        var (replay, json) = await RequestAsync(user.Credentials(code));

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.Unauthorized, replay);
        Assert.Equal("invalid two-factor code", json.GetProperty("message").GetString());
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await RequestAsync(user.Credentials(user.Code()))).Status);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(1, true)]
    [InlineData(-2, false)]
    [InlineData(2, false)]
    public async Task One_step_of_clock_skew_either_way_is_accepted_and_two_are_not(int steps, bool accepted)
    {
        var user = await TwoFactorUsers.CreateAsync(factory, factory.Clock);
        factory.Clock.Advance(TimeSpan.FromSeconds(90));

        var (status, _) = await RequestAsync(user.Credentials(user.Code(steps)));

        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task An_older_code_is_refused_after_a_newer_one_was_used()
    {
        var user = await TwoFactorUsers.CreateAsync(factory, factory.Clock);
        var older = user.Code(-1);

        Assert.Equal(HttpStatusCode.OK, (await RequestAsync(user.Credentials(user.Code()))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestAsync(user.Credentials(older))).Status);
    }

    [Fact]
    public async Task A_recovery_code_works_once_in_any_case_and_then_is_refused()
    {
        var user = await TwoFactorUsers.CreateAsync(factory, factory.Clock);
        var code = user.RecoveryCodes[3];

        Assert.Equal(HttpStatusCode.OK, (await RequestAsync(user.Credentials(recoveryCode: code.ToUpperInvariant()))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestAsync(user.Credentials(recoveryCode: code))).Status);
        Assert.Equal(HttpStatusCode.OK, (await RequestAsync(user.Credentials(recoveryCode: user.RecoveryCodes[4]))).Status);
        using var client = factory.CreateBearerClient(await TokenAsync(user.Credentials(user.Code())));
        var status = (await (await client.GetAsync("/api/v1/auth/2fa")).JsonAsync()).GetProperty("data");
        Assert.Equal(8, status.GetProperty("recovery_codes_left").GetInt32());
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout_and_a_right_password_does_not_reset_the_count()
    {
        var user = await TwoFactorUsers.CreateAsync(factory, factory.Clock);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await RequestAsync(user.Credentials("000000"))).Status);
            // The password alone (no code) must not wipe the failures the wrong codes left.
            Assert.Equal(HttpStatusCode.Unauthorized, (await RequestAsync(user.Credentials())).Status);
        }
        var (fifth, json) = await RequestAsync(user.Credentials("999999"));
        Assert.Contains("locked", json.GetProperty("message").GetString());

        var (right, locked) = await RequestAsync(user.Credentials(user.Code()));

        Assert.Equal(HttpStatusCode.Unauthorized, fifth);
        Assert.Equal(HttpStatusCode.Unauthorized, right);
        Assert.Contains("locked", locked.GetProperty("message").GetString());
        var refusals = await factory.WithDbAsync(db => db.AuditLog
            .Where(e => e.Actor == user.UserName && e.Action == AuditActions.TokenRefused).Select(e => e.Detail).ToListAsync());
        Assert.Contains("wrong second factor", refusals);
    }

    [Fact]
    public async Task An_admin_resets_a_users_2fa_and_the_password_alone_signs_in_again()
    {
        var user = await TwoFactorUsers.CreateAsync(factory, factory.Clock);
        using var operatorClient = await factory.CreateClientAsync(UserRole.Operator);
        using var admin = await factory.CreateAdminClientAsync();

        using var refused = await operatorClient.DeleteAsync($"/api/v1/users/{user.Id}/2fa");
        using var missing = await admin.DeleteAsync("/api/v1/users/999999/2fa");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(404, (await missing.JsonAsync()).GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestAsync(user.Credentials())).Status);

        using var reset = await admin.DeleteAsync($"/api/v1/users/{user.Id}/2fa");

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RequestAsync(user.Credentials())).Status);
        var entry = await factory.WithDbAsync(db => db.AuditLog.Where(e => e.Action == AuditActions.TwoFactorReset).OrderBy(e => e.Id).LastAsync());
        Assert.Equal($"user #{user.Id} {user.UserName}", entry.Target);
        Assert.Equal(DashboardFactory.AdminUser, entry.Actor);
    }

    [Fact]
    public async Task A_wrong_password_with_a_right_code_is_refused_without_using_the_code()
    {
        var user = await TwoFactorUsers.CreateAsync(factory, factory.Clock);
        var code = user.Code();

        var (wrong, json) = await RequestAsync(new { username = user.UserName, password = "not-the-password", totp = code });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong);
        Assert.Equal("invalid username or password", json.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, (await RequestAsync(user.Credentials(code))).Status);
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> RequestAsync(object credentials)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(TokenPath, ApiJson.Content(credentials));
        return (response.StatusCode, await response.JsonAsync());
    }

    private async Task<string> TokenAsync(object credentials)
    {
        var (status, json) = await RequestAsync(credentials);
        Assert.True(status == HttpStatusCode.OK, json.ToString());
        return json.GetProperty("data").GetProperty("access_token").GetString()!;
    }
}
