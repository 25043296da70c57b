using ProbeDashboard.Core.Notifications;

namespace ProbeDashboard.Notifications;

/// <summary>
/// <c>ProbeDashboard protect-secret</c>: reads a secret (the SMTP password) from standard input and prints it
/// encrypted with this server's Data Protection key ring, for <c>Smtp:ProtectedPassword</c>. Reading stdin keeps
/// the secret out of the shell history and the process list.
/// </summary>
public static class ProtectSecretCommand
{
    public const string Name = "protect-secret";

    /// <returns>True when the command ran and the process should exit instead of serving.</returns>
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.FirstOrDefault() != Name) return false;
        var secret = (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(secret))
        {
            await Console.Error.WriteLineAsync("usage: echo -n 'the password' | ProbeDashboard protect-secret");
            Environment.ExitCode = 2;
            return true;
        }
        Console.WriteLine(app.Services.GetRequiredService<SecretProtector>().Protect(secret));
        return true;
    }
}
