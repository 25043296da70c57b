namespace ProbeDashboard.Core.Notifications.Channels;

/// <summary>
/// A service with its own API (Slack, Telegram, PagerDuty, ...) as a kind of recipient: its settings and the one
/// request it wants for a message. Sending, retrying and error handling are shared (<see cref="ServiceApiChannel"/>).
/// </summary>
public abstract class ChannelDefinition
{
    public abstract NotificationChannelKind Kind { get; }

    /// <summary>The kind's name in the API and the configuration file, e.g. "slack".</summary>
    public abstract string Name { get; }

    /// <summary>The service's name in errors, e.g. "Slack".</summary>
    public abstract string Service { get; }

    public abstract IReadOnlyList<ChannelField> Fields { get; }

    /// <summary>The public API that <c>api_url</c> defaults to; null when there is none (webhook URLs, self-hosted servers).</summary>
    public virtual string? PublicApiUrl => null;

    /// <summary>The recipient's name when none is given, from its plain settings; names tell recipients of a kind apart.</summary>
    public virtual string DefaultName(IReadOnlyDictionary<string, string> plainSettings) => Name;

    public abstract ChannelRequest Request(NotificationSummary summary, ChannelSettings settings);

    /// <summary>The host of <c>api_url</c> when it is set, for default names of self-hosted servers.</summary>
    protected string ApiHostOr(IReadOnlyDictionary<string, string> plainSettings, string fallback) =>
        plainSettings.TryGetValue("api_url", out var url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{fallback} {uri.Authority}" : fallback;
}
