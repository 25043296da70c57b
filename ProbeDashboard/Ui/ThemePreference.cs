namespace ProbeDashboard.Ui;

/// <summary>
/// The light/dark choice, remembered per browser in a cookie so the very first server render already uses it
/// (no flash of the wrong theme).
/// </summary>
public static class ThemePreference
{
    public const string CookieName = "pd-theme";
    public const string Light = "light";
    public const string Dark = "dark";
    // The cookie value browsers kept from before the MudBlazor dashboard.
    private const string EarlierDark = "material-dark";

    public static bool IsDark(HttpContext? context) =>
        context?.Request.Cookies[CookieName] is Dark or EarlierDark;
}
