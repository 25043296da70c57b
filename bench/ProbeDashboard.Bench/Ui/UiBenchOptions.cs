using System.Globalization;

namespace ProbeDashboard.Bench.Ui;

/// <summary>Command line of <c>ui</c> mode: <c>ui --monitors M [--days D] [--interval I] [--dashboards N] [--window S] [--sign-ins K]</c>.</summary>
public sealed record UiBenchOptions(int Monitors, int Days, int IntervalSeconds, int Dashboards, int WindowSeconds, int SignIns)
{
    public static UiBenchOptions Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current.StartsWith("--", StringComparison.Ordinal) ? e.Current[2..] : throw new ArgumentException($"unexpected argument '{e.Current}'");
            if (!e.MoveNext()) throw new ArgumentException($"--{name} needs a number");
            values[name] = int.Parse(e.Current, CultureInfo.InvariantCulture);
        }
        int Get(string name, int fallback) => values.GetValueOrDefault(name, fallback);
        return new UiBenchOptions(Get("monitors", 5000), Get("days", 30), Get("interval", 30), Get("dashboards", 50), Get("window", 60), Get("sign-ins", 5));
    }
}
