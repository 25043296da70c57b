using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Accounts.SingleSignOn;

/// <summary>
/// The test provider on 127.0.0.1 and the app configured to sign in with it (automatic accounts on). Auth:Require2fa
/// is on as well: a single sign-on must land on the page asked for, not on our TOTP setup (the provider does MFA).
/// </summary>
public class SingleSignOnFixture : IAsyncLifetime
{
    public OidcTestProvider Provider { get; private set; } = null!;
    public DashboardFactory Factory { get; } = new();

    /// <summary>Extra settings of a derived fixture (e.g. break-glass only).</summary>
    protected virtual bool AutoCreateUsers => true;

    protected virtual IEnumerable<KeyValuePair<string, string?>> MoreSettings => [new("Auth:Require2fa", "true")];

    public async Task InitializeAsync()
    {
        Provider = await OidcTestProvider.StartAsync();
        foreach (var (key, value) in Provider.Settings(AutoCreateUsers).Concat(MoreSettings)) Factory.Settings[key] = value;
    }

    public async Task DisposeAsync()
    {
        Factory.Dispose();
        await Provider.DisposeAsync();
    }
}

/// <summary>Password sign-in only for the break-glass admin; single sign-on without automatic accounts.</summary>
public sealed class BreakGlassFixture : SingleSignOnFixture
{
    protected override bool AutoCreateUsers => false;

    protected override IEnumerable<KeyValuePair<string, string?>> MoreSettings =>
    [
        new("Auth:LocalSignIn", "BreakGlassOnly"),
        new("Auth:BreakGlassUser", DashboardFactory.AdminUser),
    ];
}
