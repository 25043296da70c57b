namespace ProbeDashboard.Bench.SideBySide;

/// <summary>The Debian programs the side-by-side run needs; when one is missing it says how to install them.</summary>
public sealed record Tools(string Nginx, string Blackbox, string Prometheus)
{
    public const string InstallLine = "apt-get install -y nginx-light prometheus prometheus-blackbox-exporter";

    public static Tools? Find()
    {
        var nginx = ChildProcesses.Find("/usr/sbin/nginx");
        var blackbox = ChildProcesses.Find("/usr/bin/prometheus-blackbox-exporter");
        var prometheus = ChildProcesses.Find("/usr/bin/prometheus");
        if (nginx is not null && blackbox is not null && prometheus is not null) return new Tools(nginx, blackbox, prometheus);
        Console.Error.WriteLine("side-by-side needs nginx, prometheus and blackbox_exporter (Debian packages). Install them with:");
        Console.Error.WriteLine("  " + InstallLine);
        Console.Error.WriteLine("and stop and disable any nginx or prometheus service the install started: the bench runs its own, on 127.0.0.1 only.");
        return null;
    }
}
