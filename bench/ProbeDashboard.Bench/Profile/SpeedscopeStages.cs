using System.Text.Json;

namespace ProbeDashboard.Bench.Profile;

/// <summary>
/// Sums a dotnet-trace thread-time profile (converted to speedscope JSON) by stage, counting only time on CPU: the
/// sampled-thread-time profile marks each stack's leaf <c>CPU_TIME</c> (running managed code) or
/// <c>UNMANAGED_CODE_TIME</c> (native code or blocked: idle threads wait there, so it cannot be counted as CPU).
/// A thread blocked in a managed wait is still marked <c>CPU_TIME</c>; <see cref="StageRules.DecidedByLeaf"/> drops those
/// samples and keeps the thread pool's spinning, which is real CPU.
/// </summary>
public static class SpeedscopeStages
{
    public const string OnCpuFrame = "CPU_TIME";

    /// <summary>Milliseconds on CPU per stage over all threads.</summary>
    public static Dictionary<string, double> Sum(string speedscopeFile)
    {
        using var stream = File.OpenRead(speedscopeFile);
        using var document = JsonDocument.Parse(stream);
        var frames = document.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray()
            .Select(f => f.GetProperty("name").GetString() ?? "").ToArray();
        var ours = frames.Select(StageRules.OfOurs).ToArray();
        var library = frames.Select(StageRules.OfLibrary).ToArray();
        var onCpu = frames.Select(f => f == OnCpuFrame).ToArray();
        var pseudo = frames.Select(f => f is OnCpuFrame or "UNMANAGED_CODE_TIME").ToArray();
        var leaf = frames.Select(f => (Decided: StageRules.DecidedByLeaf(f, out var stage), Stage: stage)).ToArray();

        var totals = new Dictionary<string, double>();
        string? Stage(IReadOnlyList<int> stack)
        {
            var innermost = stack.Count - 1;
            while (innermost > 0 && pseudo[stack[innermost]]) innermost--;
            if (leaf[stack[innermost]].Decided) return leaf[stack[innermost]].Stage;
            string? fallback = null;
            for (var i = stack.Count - 1; i >= 0; i--)
            {
                if (ours[stack[i]] is { } stage) return stage;
                fallback ??= library[stack[i]];
            }
            return fallback ?? StageRules.Other;
        }
        void Add(IReadOnlyList<int> stack, double ms)
        {
            if (ms <= 0 || !stack.Any(f => onCpu[f])) return;
            if (Stage(stack) is not { } stage) return; // blocked in a wait: no CPU
            totals[stage] = totals.GetValueOrDefault(stage) + ms;
        }

        foreach (var profile in document.RootElement.GetProperty("profiles").EnumerateArray())
        {
            if (profile.GetProperty("type").GetString() == "evented")
            {
                // Open/close events; the time between two events belongs to the stack open in between.
                var stack = new List<int>();
                double? last = null;
                foreach (var e in profile.GetProperty("events").EnumerateArray())
                {
                    var at = e.GetProperty("at").GetDouble();
                    if (last is { } previous && stack.Count > 0) Add(stack, at - previous);
                    last = at;
                    var frame = e.GetProperty("frame").GetInt32();
                    if (e.GetProperty("type").GetString() == "O") stack.Add(frame);
                    else if (stack.LastIndexOf(frame) is var index and >= 0) stack.RemoveRange(index, stack.Count - index);
                }
            }
            else
            {
                // Sampled: each sample is a root-to-leaf list of frames with a weight.
                var weights = profile.GetProperty("weights").EnumerateArray().Select(w => w.GetDouble()).ToArray();
                var i = 0;
                foreach (var sample in profile.GetProperty("samples").EnumerateArray())
                    Add(sample.EnumerateArray().Select(f => f.GetInt32()).ToList(), weights[i++]);
            }
        }
        return totals;
    }
}
