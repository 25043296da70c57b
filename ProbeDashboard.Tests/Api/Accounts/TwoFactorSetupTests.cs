using System.Net;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Api.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Accounts;

public class TwoFactorSetupTests(ClockedDashboardFactory factory) : IClassFixture<ClockedDashboardFactory>
{
    [Fact]
    public async Task Setup_answers_a_base32_secret_its_otpauth_link_and_a_qr_code()
    {
        using var client = await factory.CreateClientAsync(UserRole.Viewer);

        using var response = await client.PostAsync("/api/v1/auth/2fa/setup", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.JsonAsync()).GetProperty("data");
        var secret = data.GetProperty("secret").GetString()!;
        Assert.Equal(32, secret.Length);
        Assert.Matches("^[A-Z2-7]+$", secret);
        var uri = data.GetProperty("otpauth_uri").GetString()!;
        Assert.StartsWith("otpauth://totp/ProbeDashboard:viewer-", uri);
        Assert.Contains($"secret={secret}", uri);
        Assert.Contains("issuer=ProbeDashboard", uri);
        Assert.Contains("<svg", data.GetProperty("qr_svg").GetString());
        var status = (await (await client.GetAsync("/api/v1/auth/2fa")).JsonAsync()).GetProperty("data");
        Assert.False(status.GetProperty("enabled").GetBoolean());
        Assert.True(status.GetProperty("setup_pending").GetBoolean());
    }

    [Fact]
    public async Task Enable_refuses_a_wrong_or_missing_code_and_a_missing_setup()
    {
        using var client = await factory.CreateClientAsync(UserRole.Viewer);
        using var early = await client.PostAsync("/api/v1/auth/2fa/enable", ApiJson.Content(new { code = "123456" }));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("setup", (await early.JsonAsync()).GetProperty("message").GetString());

        var secret = (await (await client.PostAsync("/api/v1/auth/2fa/setup", null)).JsonAsync()).GetProperty("data").GetProperty("secret").GetString()!;
        var wrong = TwoFactorUsers.CodeAt(secret, factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(5));
        using var wrongAnswer = await client.PostAsync("/api/v1/auth/2fa/enable", ApiJson.Content(new { code = wrong }));
        using var missing = await client.PostAsync("/api/v1/auth/2fa/enable", ApiJson.Content(new { }));
        using var letters = await client.PostAsync("/api/v1/auth/2fa/enable", ApiJson.Content(new { code = "abcdef" }));

        foreach (var refused in new[] { wrongAnswer, missing, letters })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("code", out _));
        }
        var status = (await (await client.GetAsync("/api/v1/auth/2fa")).JsonAsync()).GetProperty("data");
        Assert.False(status.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Enable_answers_ten_distinct_recovery_codes_once_stores_them_hashed_and_is_audited()
    {
        var user = await TwoFactorUsers.CreateAsync(factory, factory.Clock);

        Assert.Equal(10, user.RecoveryCodes.Distinct().Count());
        Assert.All(user.RecoveryCodes, c => Assert.Matches("^[0-9a-z]{5}-[0-9a-z]{5}$", c));
        var stored = await factory.WithDbAsync(db => db.Set<ProbeDashboard.Core.Accounts.TwoFactor.RecoveryCode>()
            .Where(c => c.UserId == user.Id).Select(c => c.CodeHash).ToListAsync());
        Assert.Equal(10, stored.Count);
        Assert.DoesNotContain(stored, h => user.RecoveryCodes.Any(c => h.Contains(c.Replace("-", ""))));
        var secretColumn = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TotpSecret).SingleAsync());
        Assert.DoesNotContain(user.Secret, secretColumn);
        var actions = await factory.WithDbAsync(db => db.AuditLog.Where(e => e.Actor == user.UserName).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.TwoFactorSetup, actions);
        Assert.Contains(AuditActions.TwoFactorEnable, actions);
    }

    [Fact]
    public async Task Setup_while_on_is_409_and_keeps_the_secret()
    {
        var user = await TwoFactorUsers.CreateAsync(factory, factory.Clock);
        using var client = factory.CreateBearerClient(await TokenAsync(user.Credentials(user.Code())));

        using var again = await client.PostAsync("/api/v1/auth/2fa/setup", null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await TokenAsync(user.Credentials(user.Code()));
    }

    [Fact]
    public async Task Disable_needs_a_right_code_and_then_the_password_alone_signs_in()
    {
        var user = await TwoFactorUsers.CreateAsync(factory, factory.Clock);
        using var client = factory.CreateBearerClient(await TokenAsync(user.Credentials(recoveryCode: user.RecoveryCodes[0])));

        using var wrong = await client.PostAsync("/api/v1/auth/2fa/disable", ApiJson.Content(new { code = "000000" }));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        using var used = await client.PostAsync("/api/v1/auth/2fa/disable", ApiJson.Content(new { code = user.RecoveryCodes[0] }));
        Assert.Equal(HttpStatusCode.BadRequest, used.StatusCode);
        using var off = await client.PostAsync("/api/v1/auth/2fa/disable", ApiJson.Content(new { code = user.Code() }));
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        using var offAgain = await client.PostAsync("/api/v1/auth/2fa/disable", ApiJson.Content(new { code = user.Code(1) }));
        Assert.Equal(HttpStatusCode.Conflict, offAgain.StatusCode);

        await factory.RequestTokenAsync(user.UserName, DashboardFactory.UserPassword);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<ProbeDashboard.Core.Accounts.TwoFactor.RecoveryCode>().CountAsync(c => c.UserId == user.Id)));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_in_the_envelope()
    {
        using var anonymous = factory.CreateClient();
        foreach (var path in new[] { "/api/v1/auth/2fa/setup", "/api/v1/auth/2fa/enable", "/api/v1/auth/2fa/disable" })
        {
            using var response = await anonymous.PostAsync(path, ApiJson.Content(new { code = "123456" }));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/auth/2fa")).StatusCode);
    }

    private async Task<string> TokenAsync(object credentials)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/v1/auth/token", ApiJson.Content(credentials));
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("data").GetProperty("access_token").GetString()!;
    }
}
