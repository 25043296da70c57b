using Microsoft.Extensions.Options;

namespace ProbeDashboard.Core.Notifications;

/// <summary>
/// The address users reach the dashboard at, for links in messages: <c>Dashboard:PublicUrl</c> when set, otherwise
/// the server's first bound address, which the host reports once it listens (a port chosen at start-up included).
/// </summary>
public sealed class DashboardAddress(IOptionsMonitor<NotificationOptions> options)
{
    /// <summary>Before the host has said where it listens (the agent, tools, tests of Core alone).</summary>
    public const string Fallback = "http://127.0.0.1:5080";

    private volatile string? _bound;

    /// <summary>True when an operator set <c>Dashboard:PublicUrl</c>.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.CurrentValue.PublicUrl);

    /// <summary>The base URL without a trailing slash.</summary>
    public string Url => (IsConfigured ? options.CurrentValue.PublicUrl! : _bound ?? Fallback).TrimEnd('/');

    /// <summary>Called by the host after it started listening; ignored while <c>Dashboard:PublicUrl</c> is set.</summary>
    public void UseBoundAddress(string url) => _bound = url.TrimEnd('/');

    /// <summary>The link to an alert event's page.</summary>
    public string AlertLink(long eventId) => $"{Url}/alerts/{eventId}";
}
