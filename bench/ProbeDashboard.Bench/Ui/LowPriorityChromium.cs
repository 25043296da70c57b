namespace ProbeDashboard.Bench.Ui;

/// <summary>
/// Debian's Chromium started in the idle scheduling class (SCHED_IDLE). Fifty headless pages on a two-core machine
/// want more CPU than the server; at equal priority they starve it, it probes less, and the fan-out figure comes out
/// negative (it did). Nice 19 was not enough: run as root, Chromium renices itself (its browser process to -8, its
/// renderers back to 0), while the idle class is inherited by every process it forks and a nice value cannot lift a
/// process out of it. So the server gets the cores it asks for and the pages take what is left, as they would on the
/// operators' own machines.
/// </summary>
public static class LowPriorityChromium
{
    private static readonly Lazy<string> Wrapper = new(() =>
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"probedashboard-bench-chromium-{Environment.ProcessId}.sh");
        File.WriteAllText(path, "#!/bin/sh\nexec chrt --idle 0 /usr/bin/chromium \"$@\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    });

    public static string Path => Wrapper.Value;
}
