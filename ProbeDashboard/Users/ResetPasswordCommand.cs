using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using ProbeDashboard.Cli;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Users;
using ProbeDashboard.Operations;

namespace ProbeDashboard.Users;

/// <summary>
/// <c>ProbeDashboard user reset-password NAME [--password-stdin]</c>: the way back in when every administrator's
/// password is lost. Sets a new password (read from stdin, or generated and printed once), lifts a lockout and
/// renews the security stamp, so the user's existing tokens and sessions end.
/// </summary>
public sealed class ResetPasswordCommand : HostCommand
{
    private readonly Argument<string> _userName = new("username") { Description = "The user whose password is reset" };
    private readonly Option<bool> _fromStdin = new("--password-stdin")
    {
        Description = "Read the new password from standard input instead of generating one (keeps it out of the shell history)",
    };

    public ResetPasswordCommand() : base("reset-password", "Set a new password for a user and lift a lockout.")
    {
        Arguments.Add(_userName);
        Options.Add(_fromStdin);
    }

    /// <summary>The <c>user</c> command group.</summary>
    public static Command Group() => new("user", "Manage user accounts from the server's shell.") { new ResetPasswordCommand() };

    public override async Task<int> RunAsync(WebApplication app, ParseResult parse, CancellationToken cancellationToken)
    {
        if (!await OpenDatabaseAsync(app, cancellationToken)) return DataDirectoryStartup.NewerDatabaseExitCode;
        var generated = !parse.GetValue(_fromStdin);
        var password = generated
            ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y')
            : (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? "";

        using var scope = app.Services.CreateScope();
        var userName = parse.GetValue(_userName)!;
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName);
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"There is no user '{userName}'.");
            return 1;
        }
        var result = await scope.ServiceProvider.GetRequiredService<UserService>().ResetPasswordAsync(Actor.Cli(Environment.UserName), user.Id, password);
        if (result.Failure != UserChangeFailure.None)
        {
            var details = result.Errors?.SelectMany(e => e.Value) ?? [];
            await Console.Error.WriteLineAsync($"Password not changed: {string.Join(" ", details.DefaultIfEmpty(result.Message))}");
            return 1;
        }
        // Printed on purpose, once: the operator asked for a generated password on this terminal.
        Console.WriteLine(generated ? $"New password for '{userName}': {password}" : $"Password of '{userName}' changed.");
        if (user.Disabled) Console.WriteLine($"Note: '{userName}' is disabled; an administrator can enable it on the Users page.");
        return 0;
    }
}
