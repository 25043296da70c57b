using System.Net;
using OtpNet;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Accounts;

/// <summary>A user with TOTP turned on through the API, and the codes an authenticator app would show.</summary>
public sealed record TwoFactorUser(string UserName, int Id, string Secret, IReadOnlyList<string> RecoveryCodes, ManualTimeProvider Clock)
{
    /// <summary>The code of the step <paramref name="steps"/> away from the app's clock (what a phone that is off would show).</summary>
    public string Code(int steps = 0) => TwoFactorUsers.CodeAt(Secret, Clock.GetUtcNow().UtcDateTime.AddSeconds(30 * steps));

    public object Credentials(string? totp = null, string? recoveryCode = null) =>
        new { username = UserName, password = DashboardFactory.UserPassword, totp, recovery_code = recoveryCode };
}

public static class TwoFactorUsers
{
    public static string CodeAt(string secret, DateTime utc) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(utc);

    /// <summary>
    /// Creates a user of <paramref name="role"/>, sets 2FA up and turns it on with a code computed from the secret,
    /// then moves the clock to the next step so the test's first code is a fresh one.
    /// </summary>
    public static async Task<TwoFactorUser> CreateAsync(DashboardFactory factory, ManualTimeProvider clock, UserRole role = UserRole.Operator)
    {
        var user = await factory.CreateUserAsync(role);
        using var client = factory.CreateBearerClient(await factory.RequestTokenAsync(user.UserName!, DashboardFactory.UserPassword));
        using var setup = await client.PostAsync("/api/v1/auth/2fa/setup", null);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var secret = (await setup.JsonAsync()).GetProperty("data").GetProperty("secret").GetString()!;

        using var enable = await client.PostAsync("/api/v1/auth/2fa/enable", ApiJson.Content(new { code = CodeAt(secret, clock.GetUtcNow().UtcDateTime) }));
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        var codes = (await enable.JsonAsync()).GetProperty("data").GetProperty("recovery_codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        clock.Advance(TimeSpan.FromSeconds(30));
        return new TwoFactorUser(user.UserName!, user.Id, secret, codes, clock);
    }
}
