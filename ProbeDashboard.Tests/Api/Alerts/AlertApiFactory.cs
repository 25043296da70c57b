using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Alerts;

/// <summary>One app per test class with fast alert timers; tests create their own monitors and rules.</summary>
public sealed class AlertApiFactory : DashboardFactory
{
    public AlertApiFactory() => AlertFeed.UseFastTimers(this);

    public AlertFeed Feed => new(this);
}
