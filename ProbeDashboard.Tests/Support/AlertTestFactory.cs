namespace ProbeDashboard.Tests.Support;

/// <summary>The app for alerting tests: fast engine tick and retries; tests feed results themselves (scheduler off by default).</summary>
public sealed class AlertTestFactory : DashboardFactory
{
    public AlertTestFactory() => UseFastTimers();

    private AlertTestFactory(string dataDirectory) : base(dataDirectory) => UseFastTimers();

    /// <summary>The same server restarted: runs on <paramref name="dataDirectory"/> and leaves it in place.</summary>
    public static new AlertTestFactory OnExistingData(string dataDirectory) => new(dataDirectory);

    public AlertFeed Feed => new(this);

    /// <summary>Tests wait milliseconds, not minutes, for ticks and retries.</summary>
    private void UseFastTimers()
    {
        Settings["Alerts:TickIntervalMs"] = "100";
        Settings["Notifications:PollIntervalMs"] = "100";
        Settings["Notifications:RetryBaseDelayMs"] = "200";
        Settings["Notifications:RetryMaxDelayMs"] = "1000";
        Settings["Notifications:MaxAttempts"] = "100";
        Settings["Dashboard:PublicUrl"] = "http://dashboard.test";
    }
}
