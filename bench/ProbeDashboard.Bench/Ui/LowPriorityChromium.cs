namespace ProbeDashboard.Bench.Ui;

/// <summary>
/// Debian's Chromium started in the idle scheduling class (SCHED_IDLE). Fifty headless pages on a two-core machine
/// want more CPU than the server; at equal priority they starve it, it probes less, and the fan-out figure comes out
/// negative (it did). Nice 19 was not enough: run as root, Chromium renices itself (its browser process to -8, its
/// renderers back to 0), while the idle class is inherited by every process it forks and a nice value cannot lift a
/// process out of it. So the server gets the cores it asks for and the pages take what is left, as they would on the
/// operators' own machines.
/// The idle class alone is not enough either: Playwright starts the browser in a session of its own, and with the
/// kernel's autogroup scheduling (on here) every session is one scheduling group that gets an equal share of the CPU
/// against the server's session, whatever the classes inside it. Fifty idle-class pages in their own group still took
/// half the machine (the server stored 208 results/s of 333 with them open). A busy loop shows it: against four
/// idle-class loops in other sessions it got 1.8 s of CPU in 4 s; with those sessions' autogroup at nice 19, 3.97 s. So
/// the wrapper lowers its session's autogroup to nice 19 first, only when it leads a session of its own (never the
/// bench's and the server's), and only where autogroup exists. On a machine busy with other work that starves the pages
/// (a click waits past Playwright's 30 s): `--browser-group-nice 0` leaves the group alone, for profiling only, since
/// the pages then take CPU from the server again.
/// </summary>
public static class LowPriorityChromium
{
    /// <summary>A wrapper script that starts Chromium so, its session's autogroup at <paramref name="groupNice"/> (0: untouched).</summary>
    public static string Path(int groupNice)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"probedashboard-bench-chromium-{Environment.ProcessId}.sh");
        File.WriteAllText(path, "#!/bin/sh\n" +
            $"if [ {groupNice} -ne 0 ] && [ -w /proc/self/autogroup ] && [ \"$(cut -d' ' -f6 /proc/$$/stat)\" = \"$$\" ]; then echo {groupNice} > /proc/self/autogroup; fi\n" +
            "exec chrt --idle 0 /usr/bin/chromium \"$@\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }
}
