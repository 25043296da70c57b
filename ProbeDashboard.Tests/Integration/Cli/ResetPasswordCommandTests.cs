using System.Net;
using System.Text.RegularExpressions;
using ProbeDashboard.Tests.Integration.Agents;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Cli;

/// <summary><c>user reset-password</c> run on a live server's data directory, the way back in when a password is lost.</summary>
public partial class ResetPasswordCommandTests
{
    // A budget, not a timing check: three cold starts of the binary on a loaded two-core machine took over 90 s.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_generated_password_signs_in_and_the_old_one_and_old_tokens_stop_working()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var cluster = await AgentCluster.StartAsync(cts.Token);

        var (exitCode, output) = await RunAsync(cluster, null, "admin");

        Assert.True(exitCode == 0, output);
        var password = NewPassword().Match(output).Groups[1].Value;
        Assert.NotEmpty(password);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(cluster, "admin", password, cts.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(cluster, "admin", "cluster-admin-password", cts.Token));
        await Eventually.TrueAsync(async () => (await cluster.Admin.GetAsync("api/v1/auth/me", cts.Token)).StatusCode == HttpStatusCode.Unauthorized,
            "the old token to be refused", 30_000);
    }

    [Fact]
    public async Task A_password_from_stdin_is_checked_and_an_unknown_user_is_refused()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var cluster = await AgentCluster.StartAsync(cts.Token);

        var tooShort = await RunAsync(cluster, "short\n", "admin", "--password-stdin");
        var unknown = await RunAsync(cluster, null, "nobody");
        var chosen = await RunAsync(cluster, "a-long-chosen-password\n", "admin", "--password-stdin");

        Assert.Equal(1, tooShort.ExitCode);
        Assert.Contains("Password not changed", tooShort.Output);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("There is no user 'nobody'", unknown.Output);
        Assert.True(chosen.ExitCode == 0, chosen.Output);
        Assert.DoesNotContain("a-long-chosen-password", chosen.Output);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(cluster, "admin", "a-long-chosen-password", cts.Token));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(AgentCluster cluster, string? stdin, params string[] args)
    {
        await using var app = AppProcess.Start(["user", "reset-password", .. args, "--data-dir", cluster.ServerDataDirectory], standardInput: stdin);
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, app.OutputText);
    }

    private static async Task<HttpStatusCode> SignInAsync(AgentCluster cluster, string userName, string password, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = cluster.BaseUri };
        using var response = await client.PostAsync("api/v1/auth/token", ApiJson.Content(new { username = userName, password }), cancellationToken);
        return response.StatusCode;
    }

    [GeneratedRegex("New password for 'admin': (\\S+)")]
    private static partial Regex NewPassword();
}
