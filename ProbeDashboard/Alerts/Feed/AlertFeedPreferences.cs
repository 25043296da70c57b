using Microsoft.JSInterop;
using ProbeDashboard.Core.Alerts;

namespace ProbeDashboard.Alerts.Feed;

/// <summary>
/// Which alert changes this browser wants to hear about, and how. Kept in the browser's local storage (a shared
/// operator account on two screens may want different feeds); one instance per circuit.
/// </summary>
public sealed class AlertFeedPreferences
{
    private static readonly AlertLevel[] AllLevels = Enum.GetValues<AlertLevel>();

    public IReadOnlySet<AlertLevel> Levels { get; private set; } = AllLevels.ToHashSet();
    public bool Sound { get; private set; }
    public bool BrowserNotifications { get; private set; }
    public bool Loaded { get; private set; }

    /// <summary>Raised after a change was saved, so the feed and the settings panel agree.</summary>
    public event Action? Changed;

    public bool Wants(AlertLevel level) => Levels.Contains(level);

    public async Task LoadAsync(IJSRuntime js)
    {
        if (Loaded) return;
        var stored = await js.InvokeAsync<Stored?>("probeDashboard.alertFeed.load");
        if (stored is not null)
        {
            Levels = (stored.Levels ?? []).Where(l => Enum.IsDefined(l)).ToHashSet();
            (Sound, BrowserNotifications) = (stored.Sound, stored.BrowserNotifications);
        }
        Loaded = true;
        Changed?.Invoke();
    }

    public Task SetLevelAsync(IJSRuntime js, AlertLevel level, bool wanted)
    {
        var levels = Levels.ToHashSet();
        if (wanted) levels.Add(level); else levels.Remove(level);
        Levels = levels;
        return SaveAsync(js);
    }

    public Task SetSoundAsync(IJSRuntime js, bool on)
    {
        Sound = on;
        return SaveAsync(js);
    }

    /// <returns>The browser's answer ("granted", "denied", "unsupported"); the option stays off unless granted.</returns>
    public async Task<string> SetBrowserNotificationsAsync(IJSRuntime js, bool on)
    {
        var permission = on ? await js.InvokeAsync<string>("probeDashboard.alertFeed.askPermission") : "off";
        BrowserNotifications = on && permission == "granted";
        await SaveAsync(js);
        return permission;
    }

    private async Task SaveAsync(IJSRuntime js)
    {
        await js.InvokeVoidAsync("probeDashboard.alertFeed.save", new Stored(Levels.Order().ToArray(), Sound, BrowserNotifications));
        Changed?.Invoke();
    }

    /// <summary>What local storage holds; property names are what the script reads and writes.</summary>
    public sealed record Stored(AlertLevel[]? Levels, bool Sound, bool BrowserNotifications);
}
