using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Cli;

/// <summary>A command that builds the server's services prints only its result on stdout, so it can be piped.</summary>
public class ProtectSecretCommandTests
{
    [Fact]
    public async Task Stdout_holds_only_the_protected_secret_and_logs_go_to_stderr()
    {
        using var data = new TempDirectory();
        await using var app = AppProcess.Start(["protect-secret", "--data-dir", data.Path], standardInput: "smtp-password-to-hide\n");

        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, app.OutputText);
        var line = Assert.Single(app.StandardOutputText.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("smtp-password-to-hide", line);
        Assert.StartsWith("CfDJ8", line);
    }
}
