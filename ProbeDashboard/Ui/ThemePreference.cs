namespace ProbeDashboard.Ui;

/// <summary>
/// The light/dark choice, remembered per browser in a cookie so the very first server render already uses it
/// (no flash of the wrong theme).
/// </summary>
public static class ThemePreference
{
    public const string CookieName = "pd-theme";
    public const string Light = "material";
    public const string Dark = "material-dark";

    public static string FromRequest(HttpContext? context) =>
        context?.Request.Cookies[CookieName] == Dark ? Dark : Light;

    public static bool IsDark(string theme) => theme == Dark;
}
