using System.Net;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using ProbeDashboard.Tests.Ui;

namespace ProbeDashboard.Tests.Api.Security;

/// <summary>The dashboard's sign-in form locks an account after five wrong passwords, as the token endpoint does.</summary>
public class SignInFormTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Five_wrong_passwords_on_the_form_lock_the_account_and_every_attempt_is_audited()
    {
        var user = await factory.CreateUserAsync(UserRole.Operator);
        using var session = new DashboardSession(factory);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await session.SignInAsync(user.UserName!, "not-the-password", timeout.Token);
            Assert.Contains("error=invalid", wrong.Headers.Location!.ToString());
        }
        // The fifth failure is the one that locks.
        using var fifth = await session.SignInAsync(user.UserName!, "not-the-password", timeout.Token);
        Assert.Contains("error=locked", fifth.Headers.Location!.ToString());

        using var right = await session.SignInAsync(user.UserName!, DashboardFactory.UserPassword, timeout.Token);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("error=locked", right.Headers.Location!.ToString());
        var details = await factory.WithDbAsync(db => Task.FromResult(db.AuditLog
            .Where(e => e.Action == AuditActions.SignInFailed && e.Actor == user.UserName).Select(e => e.Detail).ToList()));
        Assert.Equal(4, details.Count(d => d == "wrong password"));
        Assert.Equal(2, details.Count(d => d == "locked out"));
    }
}
