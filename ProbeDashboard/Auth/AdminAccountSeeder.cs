using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Auth;

/// <summary>
/// Creates the administrator on the first start. A generated password is printed once and written to a
/// file only the service user can read, so a headless install can still be signed in to.
/// </summary>
public sealed class AdminAccountSeeder(
    IServiceScopeFactory scopes,
    IOptions<AuthOptions> auth,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    ILogger<AdminAccountSeeder> logger) : IHostedService
{
    public const string PasswordFileName = "initial-admin-password.txt";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (users.Users.Any()) return;

        var generated = string.IsNullOrEmpty(auth.Value.AdminPassword);
        var password = generated ? RandomPassword() : auth.Value.AdminPassword!;
        var admin = new AppUser
        {
            UserName = auth.Value.AdminUser,
            Role = UserRole.Admin,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("Cannot create the admin user: " + string.Join("; ", result.Errors.Select(e => e.Description)));

        if (generated)
        {
            var file = Path.Combine(Path.GetDirectoryName(storage.Value.DatabasePath)!, PasswordFileName);
            await File.WriteAllTextAsync(file, password + Environment.NewLine, cancellationToken);
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            // Printed to the console on purpose, once: it is the only way in on a fresh install.
            Console.WriteLine($"Created admin user '{admin.UserName}' with password: {password}  (also saved in {file})");
        }
        logger.LogInformation("Created admin user {UserName}", admin.UserName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string RandomPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');
}
