namespace ProbeDashboard.Operations.Logging;

/// <summary><c>Logging:File</c>: optional log file, one JSON object per line, rolled by size.</summary>
public sealed class FileLogOptions
{
    public const string Section = "Logging:File";

    /// <summary>The log file; no file logging when empty. Relative paths are under the working directory.</summary>
    public string? Path { get; set; }

    /// <summary>Size at which the file is rolled to <c>PATH.1</c> (older files shift to .2, .3, ...).</summary>
    public long MaxFileSizeBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Rolled files kept besides the current one; older ones are deleted.</summary>
    public int MaxRolledFiles { get; set; } = 5;
}
