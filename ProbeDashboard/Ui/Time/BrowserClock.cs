using System.Globalization;
using Microsoft.JSInterop;

namespace ProbeDashboard.Ui.Time;

/// <summary>
/// The browser's time zone for one circuit (asked once through JS) and a shared one-second tick for
/// "12 s ago" labels, so a page with many relative times runs one timer, not one per label.
/// </summary>
public sealed class BrowserClock(TimeProvider time) : IDisposable
{
    private TimeZoneInfo? _zone;
    private ITimer? _timer;
    private event Action? TickHandlers;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>False until the browser has told us its zone; times render in UTC until then.</summary>
    public bool KnowsTimeZone => _zone is not null;

    /// <summary>Raised when the browser's zone becomes known, or turns out other than its cookie said.</summary>
    public event Action? TimeZoneLearned;

    /// <summary>The cookie the browser's time-zone.js sets on every page, so times are local from the first render.</summary>
    public const string CookieName = "pd-tz";

    /// <summary>Starts with the zone the browser's cookie names ("IANA name|offset minutes"); raises nothing.</summary>
    public void StartFrom(string? cookie)
    {
        if (_zone is not null || cookie?.Split('|') is not [var name, var offset]
            || !int.TryParse(offset, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes)) return;
        _zone = Resolve(new BrowserTimeZone(name, minutes));
    }

    /// <summary>Asks the browser for its zone (the cookie may be from before a move) and tells listeners if it differs.</summary>
    public async Task LearnBrowserTimeZoneAsync(IJSRuntime js)
    {
        var zone = Resolve(await js.InvokeAsync<BrowserTimeZone>("probeDashboard.timeZone"));
        if (_zone is not null && _zone.Id == zone.Id && _zone.BaseUtcOffset == zone.BaseUtcOffset) return;
        _zone = zone;
        TimeZoneLearned?.Invoke();
    }

    /// <summary>Converts a UTC time to the browser's wall-clock time (UTC while the zone is not known yet).</summary>
    public DateTime ToLocal(DateTime utc) =>
        _zone is null ? utc : TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>Converts a wall-clock time the operator picked in the browser's zone back to UTC.</summary>
    public DateTime ToUtc(DateTime local) =>
        _zone is null ? DateTime.SpecifyKind(local, DateTimeKind.Utc)
        : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone);

    /// <summary>Subscribes to a tick every second; dispose the result to stop.</summary>
    public IDisposable OnTick(Action handler)
    {
        TickHandlers += handler;
        _timer ??= time.CreateTimer(_ => TickHandlers?.Invoke(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        return new TickRegistration(this, handler);
    }

    public void Dispose() => _timer?.Dispose();

    // An IANA name keeps daylight-saving changes right for older timestamps; the fixed offset is the fallback.
    private static TimeZoneInfo Resolve(BrowserTimeZone browser)
    {
        if (!string.IsNullOrEmpty(browser.Name) && TimeZoneInfo.TryFindSystemTimeZoneById(browser.Name, out var zone))
            return zone;
        var offset = TimeSpan.FromMinutes(-browser.OffsetMinutes);
        return TimeZoneInfo.CreateCustomTimeZone("browser", offset, "browser", "browser");
    }

    /// <param name="Name">IANA name from Intl, e.g. "Asia/Shanghai".</param>
    /// <param name="OffsetMinutes">JavaScript's getTimezoneOffset(): UTC minus local, in minutes.</param>
    public sealed record BrowserTimeZone(string? Name, int OffsetMinutes);

    private sealed class TickRegistration(BrowserClock clock, Action handler) : IDisposable
    {
        public void Dispose() => clock.TickHandlers -= handler;
    }
}
