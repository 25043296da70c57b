namespace ProbeDashboard.Bench.Ui;

/// <summary>
/// Debian's Chromium started at the lowest CPU priority. Fifty headless pages on a two-core machine want more CPU
/// than the server; at equal priority they starve it, it probes less, and the fan-out figure comes out negative (it
/// did). At nice 19 the server gets the cores it asks for and the pages take what is left, as they would on the
/// operators' own machines.
/// </summary>
public static class LowPriorityChromium
{
    private static readonly Lazy<string> Wrapper = new(() =>
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"probedashboard-bench-chromium-{Environment.ProcessId}.sh");
        File.WriteAllText(path, "#!/bin/sh\nexec nice -n 19 /usr/bin/chromium \"$@\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    });

    public static string Path => Wrapper.Value;
}
