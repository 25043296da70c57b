namespace ProbeDashboard.Tests.Api.StatusPages;

/// <summary>The status page app with a subscribe limit no test of a class reaches (they all come from one test client).</summary>
public sealed class SubscriptionFactory : StatusPageFactory
{
    public SubscriptionFactory() => Settings["StatusPages:Subscriptions:SubscribePerIpPerHour"] = "100000";
}

/// <summary>The status page app allowing two subscribe posts per client and hour.</summary>
public sealed class RateLimitedSubscriptionFactory : StatusPageFactory
{
    public RateLimitedSubscriptionFactory() => Settings["StatusPages:Subscriptions:SubscribePerIpPerHour"] = "2";
}
