using System.Diagnostics;

namespace ProbeDashboard.Bench;

/// <summary>Starts this program again in target mode and learns its ports; closing stdin ends it.</summary>
public sealed class TargetProcess : IDisposable
{
    private TargetProcess(Process process, IReadOnlyList<int> ports)
    {
        Process = process;
        Ports = ports;
    }

    public Process Process { get; }

    public IReadOnlyList<int> Ports { get; }

    public static async Task<TargetProcess> StartAsync(int ports, int delayMs)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Started as "dotnet ProbeDashboard.Bench.dll": pass the assembly on.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(typeof(TargetProcess).Assembly.Location);
        info.ArgumentList.Add("target");
        info.ArgumentList.Add(ports.ToString());
        info.ArgumentList.Add(delayMs.ToString());

        var process = Process.Start(info)!;
        var found = new List<int>();
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync()) is not null && line != "READY")
            if (line.StartsWith("PORT ", StringComparison.Ordinal)) found.Add(int.Parse(line[5..]));
        if (line is null) throw new InvalidOperationException("the target process ended before it was ready");
        return new TargetProcess(process, found);
    }

    public void Dispose()
    {
        Process.StandardInput.Close();
        if (!Process.WaitForExit(5000)) Process.Kill();
        Process.Dispose();
    }
}
