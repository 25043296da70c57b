using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Operations;

public static class DataDirectoryStartup
{
    /// <summary>Exit code when another server holds the data directory (sysexits EX_TEMPFAIL).</summary>
    public const int LockedExitCode = 75;

    /// <summary>Exit code for a database made by a newer version (sysexits EX_DATAERR).</summary>
    public const int NewerDatabaseExitCode = 65;

    /// <summary>
    /// Takes the data directory's <see cref="ServerLock"/> for the app's lifetime, then migrates the database.
    /// Either failing is a refusal to start, said plainly on stderr with a non-zero exit code.
    /// </summary>
    /// <returns>False when the server must not start.</returns>
    public static async Task<bool> OpenDataDirectoryAsync(this WebApplication app)
    {
        var directory = Path.GetDirectoryName(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath)!;
        PrivateFiles.Tighten(directory, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PrivateFiles)));
        var serverLock = ServerLock.TryAcquire(directory);
        if (serverLock is null)
            return await RefuseAsync($"Another ProbeDashboard server is using {directory} ({ServerLock.FileName} is held).", LockedExitCode);
        app.Lifetime.ApplicationStopped.Register(serverLock.Dispose);
        try
        {
            // Nodes of a cluster starting at once on a new database take turns: the first migrates and creates the first
            // rows (the server host, the admin), the next finds them there. On SQLite the server lock already did this.
            var stopping = app.Lifetime.ApplicationStopping;
            await using (await AdvisoryLock.OnOwnConnectionAsync(app.Services.GetRequiredService<IOptions<StorageOptions>>(), AdvisoryLock.StartupKey, stopping))
            {
                await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(stopping);
                // Also a hosted service (which then finds the admin there); run here so that it runs inside the turn.
                await ActivatorUtilities.CreateInstance<Auth.AdminAccountSeeder>(app.Services).StartAsync(stopping);
            }
            return true;
        }
        catch (NewerDatabaseException e)
        {
            serverLock.Dispose();
            return await RefuseAsync(e.Message, NewerDatabaseExitCode);
        }
    }

    private static async Task<bool> RefuseAsync(string message, int exitCode)
    {
        await Console.Error.WriteLineAsync("Refusing to start: " + message);
        Environment.ExitCode = exitCode;
        return false;
    }
}
