namespace ProbeDashboard.Bench.Ui;

/// <summary>Command line of <c>ui</c> mode: <c>ui --monitors M [--days D] [--interval I] [--dashboards N] [--window S] [--windows W] [--sign-ins K] [--browser-group-nice N]</c>.</summary>
public sealed record UiBenchOptions(int Monitors, int Days, int IntervalSeconds, int Dashboards, int WindowSeconds, int Windows, int SignIns, int BrowserGroupNice)
{
    public static UiBenchOptions Parse(IEnumerable<string> args)
    {
        var get = NamedNumbers.Parse(args);
        return new UiBenchOptions(get("monitors", 5000), get("days", 30), get("interval", 30), get("dashboards", 50), get("window", 60), get("windows", 2), get("sign-ins", 20), get("browser-group-nice", 19));
    }
}
