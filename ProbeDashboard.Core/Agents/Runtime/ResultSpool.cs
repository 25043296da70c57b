using System.Globalization;
using System.Text;
using System.Text.Json;
using ProbeDashboard.Core.Agents.Protocol;

namespace ProbeDashboard.Core.Agents.Runtime;

/// <summary>Results read from the spool's head; acknowledge <see cref="Lines"/> once the server has them.</summary>
public sealed record SpoolBatch(IReadOnlyList<UploadedResult> Results, int Lines);

/// <summary>
/// The agent's bounded on-disk queue of results not yet acknowledged by the server: append-only JSON-lines
/// segment files plus a cursor file that says how far the head has been acknowledged. It survives restarts of
/// the agent; order is kept; beyond <c>capacity</c> the oldest results are dropped (and counted) so a long outage
/// cannot fill the disk. Delivery is at least once: a crash between an upload and the cursor write resends.
/// </summary>
public sealed class ResultSpool : IDisposable
{
    private const string CursorFile = "cursor";
    private readonly string _directory;
    private readonly int _capacity;
    private readonly int _segmentLines;
    private readonly Lock _lock = new();
    private readonly List<Segment> _segments = [];
    private int _headOffset;
    private long _nextSegment;
    private FileStream? _writer;
    private long _dropped;

    public ResultSpool(string directory, int capacity, int segmentLines = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _directory = directory;
        _capacity = capacity;
        _segmentLines = segmentLines;
        Directory.CreateDirectory(directory);
        Load();
    }

    /// <summary>Results waiting to be acknowledged.</summary>
    public int Count
    {
        get { lock (_lock) return _segments.Sum(s => s.Lines) - _headOffset; }
    }

    /// <summary>Results dropped because the spool was full, since it was opened.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Append(IReadOnlyCollection<UploadedResult> results)
    {
        if (results.Count == 0) return;
        lock (_lock)
        {
            foreach (var result in results)
            {
                var writer = CurrentWriter();
                writer.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(result, AgentJson.Options) + "\n"));
                _segments[^1].Lines++;
            }
            // Flushed to disk per append: a result the agent ran must survive a crash or power loss of the agent.
            _writer!.Flush(flushToDisk: true);
            var overflow = _segments.Sum(s => s.Lines) - _headOffset - _capacity;
            if (overflow > 0)
            {
                Advance(overflow);
                Interlocked.Add(ref _dropped, overflow);
            }
        }
    }

    /// <summary>Up to <paramref name="max"/> of the oldest results. Lines that cannot be read (a torn write) are skipped but counted.</summary>
    public SpoolBatch Peek(int max)
    {
        lock (_lock)
        {
            var results = new List<UploadedResult>();
            var lines = 0;
            var skip = _headOffset;
            foreach (var segment in _segments)
            {
                foreach (var line in ReadLines(segment).Skip(skip).Take(max - lines))
                {
                    lines++;
                    if (TryParse(line) is { } result) results.Add(result);
                }
                skip = 0;
                if (lines >= max) break;
            }
            return new SpoolBatch(results, lines);
        }
    }

    /// <summary>Forgets the oldest <paramref name="lines"/> lines, deleting fully acknowledged segments.</summary>
    public void Acknowledge(int lines)
    {
        lock (_lock) Advance(lines);
    }

    private void Advance(int lines)
    {
        while (lines > 0 && _segments.Count > 0)
        {
            var head = _segments[0];
            var take = Math.Min(lines, head.Lines - _headOffset);
            _headOffset += take;
            lines -= take;
            if (_headOffset < head.Lines) break;
            if (_segments.Count == 1)
            {
                _writer?.Dispose();
                _writer = null;
            }
            File.Delete(head.Path);
            _segments.RemoveAt(0);
            _headOffset = 0;
        }
        SaveCursor();
    }

    private FileStream CurrentWriter()
    {
        if (_writer is not null && _segments[^1].Lines < _segmentLines) return _writer;
        _writer?.Dispose();
        var segment = new Segment(_nextSegment++, Path.Combine(_directory, $"{_nextSegment - 1:D12}.jsonl"));
        _segments.Add(segment);
        _writer = new FileStream(segment.Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        return _writer;
    }

    private void Load()
    {
        var (cursorSegment, cursorOffset) = LoadCursor();
        foreach (var path in Directory.GetFiles(_directory, "*.jsonl").Order(StringComparer.Ordinal))
        {
            if (!long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) continue;
            if (number < cursorSegment)
            {
                File.Delete(path);
                continue;
            }
            _segments.Add(new Segment(number, path) { Lines = CountCompleteLines(path) });
            _nextSegment = number + 1;
        }
        if (_segments.Count > 0 && _segments[0].Number == cursorSegment)
            _headOffset = Math.Min(cursorOffset, _segments[0].Lines);
        // Appends go to a fresh segment, after any torn tail of the last one.
        _nextSegment = Math.Max(_nextSegment, cursorSegment);
    }

    /// <summary>Counts the newline-terminated lines and cuts off a partial last line left by a crash mid-write.</summary>
    private static int CountCompleteLines(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var lastNewline = Array.LastIndexOf(bytes, (byte)'\n');
        if (lastNewline < bytes.Length - 1)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
            file.SetLength(lastNewline + 1);
        }
        return bytes.AsSpan(0, lastNewline + 1).Count((byte)'\n');
    }

    private (long Segment, int Offset) LoadCursor()
    {
        var path = Path.Combine(_directory, CursorFile);
        if (!File.Exists(path)) return (0, 0);
        var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var segment)
               && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var offset)
            ? (segment, offset)
            : (0, 0);
    }

    private void SaveCursor()
    {
        var (segment, offset) = _segments.Count > 0 ? (_segments[0].Number, _headOffset) : (_nextSegment, 0);
        var path = Path.Combine(_directory, CursorFile);
        var temp = path + ".tmp";
        File.WriteAllText(temp, string.Create(CultureInfo.InvariantCulture, $"{segment} {offset}"));
        File.Move(temp, path, overwrite: true);
    }

    private static IEnumerable<string> ReadLines(Segment segment)
    {
        using var stream = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        for (var i = 0; i < segment.Lines && reader.ReadLine() is { } line; i++) yield return line;
    }

    private static UploadedResult? TryParse(string line)
    {
        try { return JsonSerializer.Deserialize<UploadedResult>(line, AgentJson.Options); }
        catch (JsonException) { return null; }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }

    private sealed class Segment(long number, string path)
    {
        public long Number { get; } = number;
        public string Path { get; } = path;
        public int Lines { get; set; }
    }
}
