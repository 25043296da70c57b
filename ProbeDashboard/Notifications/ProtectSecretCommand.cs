using System.CommandLine;
using ProbeDashboard.Cli;
using ProbeDashboard.Core.Notifications;

namespace ProbeDashboard.Notifications;

/// <summary>
/// <c>ProbeDashboard protect-secret</c>: reads a secret (the SMTP password) from standard input and prints it
/// encrypted with this server's Data Protection key ring, for <c>Smtp:ProtectedPassword</c>. Reading stdin keeps
/// the secret out of the shell history and the process list.
/// </summary>
public sealed class ProtectSecretCommand() : HostCommand(Name,
    "Encrypt a secret read from standard input with this server's key ring (for Smtp:ProtectedPassword).")
{
    public const string Name = "protect-secret";

    public override async Task<int> RunAsync(WebApplication app, ParseResult parse, CancellationToken cancellationToken)
    {
        var secret = (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(secret))
        {
            await Console.Error.WriteLineAsync("usage: echo -n 'the password' | ProbeDashboard protect-secret");
            return 2;
        }
        Console.WriteLine(app.Services.GetRequiredService<SecretProtector>().Protect(secret));
        return 0;
    }
}
