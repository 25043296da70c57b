namespace ProbeDashboard.Core.Storage;

/// <summary>
/// An exclusive lock on <c>server.lock</c> in the data directory, held by a serving process for its whole life.
/// The OS drops it when the process ends, however it ends, so a crash never leaves a stale lock behind. Restore
/// takes it too, so a server cannot start on a half-restored database.
/// </summary>
public sealed class ServerLock : IDisposable
{
    public const string FileName = "server.lock";
    private readonly FileStream _file;

    private ServerLock(FileStream file) => _file = file;

    /// <returns>The held lock, or null when another process holds it.</returns>
    public static ServerLock? TryAcquire(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Linux: a second holder fails right away.
            var file = new FileStream(Path.Combine(dataDirectory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            using (var writer = new StreamWriter(file, leaveOpen: true)) writer.Write(Environment.ProcessId);
            return new ServerLock(file);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
