using System.Text;
using System.Threading.Channels;

namespace ProbeDashboard.Operations.Logging;

/// <summary>
/// Appends lines to the log file on one background task, so a slow disk never blocks the code that logs. When the
/// queue is full, lines are dropped rather than stalling the probe pipeline. Rolls the file by size.
/// </summary>
public sealed class RollingFileWriter : IAsyncDisposable
{
    private readonly Channel<string> _lines = Channel.CreateBounded<string>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly FileLogOptions _options;
    private readonly string _path;
    private readonly Task _writing;

    public RollingFileWriter(FileLogOptions options)
    {
        _options = options;
        _path = System.IO.Path.GetFullPath(options.Path!);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!);
        _writing = Task.Run(WriteAsync);
    }

    public void Enqueue(string line) => _lines.Writer.TryWrite(line);

    private async Task WriteAsync()
    {
        var stream = Open();
        await foreach (var line in _lines.Reader.ReadAllAsync())
        {
            var bytes = Encoding.UTF8.GetBytes(line + "\n");
            if (stream.Length > 0 && stream.Length + bytes.Length > _options.MaxFileSizeBytes)
            {
                await stream.DisposeAsync();
                Roll();
                stream = Open();
            }
            await stream.WriteAsync(bytes);
            if (_lines.Reader.Count == 0) await stream.FlushAsync();
        }
        await stream.DisposeAsync();
    }

    private FileStream Open() => new(_path, FileMode.Append, FileAccess.Write, FileShare.Read);

    /// <summary>PATH → PATH.1 → PATH.2 ...; the oldest beyond <see cref="FileLogOptions.MaxRolledFiles"/> goes.</summary>
    private void Roll()
    {
        File.Delete($"{_path}.{_options.MaxRolledFiles}");
        for (var i = _options.MaxRolledFiles - 1; i >= 1; i--)
            if (File.Exists($"{_path}.{i}")) File.Move($"{_path}.{i}", $"{_path}.{i + 1}");
        if (_options.MaxRolledFiles > 0) File.Move(_path, $"{_path}.1");
        else File.Delete(_path);
    }

    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        await _writing;
    }
}
