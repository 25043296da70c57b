using System.Runtime.InteropServices;

namespace ProbeDashboard.Operations;

/// <summary>
/// The data directory holds the database (password hashes, webhook secrets), its WAL and SHM files, backups,
/// key rings and logs: only the service user may read any of it. A process-wide umask of 077 covers every file
/// the process creates, including those SQLite and the backup code create themselves, where a mode per call
/// site would miss one.
/// </summary>
public static partial class PrivateFiles
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupAndOthers = (UnixFileMode)0b000_111_111;

    /// <summary>New files 0600 and directories 0700 from here on, for the whole process.</summary>
    public static void RestrictNewFiles()
    {
        if (!OperatingSystem.IsWindows()) SetUmask(0b000_111_111);
    }

    /// <summary>
    /// An existing data directory (or file in it) that others may read was made by an older version or by hand:
    /// tightened to owner-only, and said once, so the operator knows why modes changed.
    /// </summary>
    public static void Tighten(string dataDirectory, ILogger logger)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(dataDirectory)) return;
        TightenOne(dataDirectory, OwnerOnly, logger);
        foreach (var file in Directory.EnumerateFiles(dataDirectory))
            TightenOne(file, File.GetUnixFileMode(file) & ~GroupAndOthers, logger);
    }

    private static void TightenOne(string path, UnixFileMode wanted, ILogger logger)
    {
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupAndOthers) == 0) return;
        File.SetUnixFileMode(path, wanted);
        logger.LogWarning("{Path} was open to other users (mode {Mode}); tightened to owner-only", path, Octal(mode));
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint SetUmask(uint mask);
}
