namespace ProbeDashboard.Auth.Sessions.Ui;

/// <summary>A User-Agent in a few words ("Firefox · Linux"); the whole string stays in the cell's tooltip.</summary>
public static class DeviceText
{
    // First match wins: Edge and Opera also say "Chrome", and Chrome also says "Safari".
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chromium/", "Chromium"), ("Chrome/", "Chrome"),
        ("Safari/", "Safari"), ("curl/", "curl"), ("python-requests/", "Python requests"), ("Go-http-client/", "Go"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"), ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"), ("Linux", "Linux"),
    ];

    public static string Short(string userAgent)
    {
        var browser = First(Browsers, userAgent);
        var system = First(Systems, userAgent);
        return (browser, system) switch
        {
            (null, _) => userAgent.Length > 40 ? userAgent[..40] + "…" : userAgent,
            (_, null) => browser,
            _ => $"{browser} · {system}",
        };
    }

    private static string? First((string Token, string Name)[] names, string userAgent) =>
        names.FirstOrDefault(n => userAgent.Contains(n.Token, StringComparison.Ordinal)).Name;
}
