namespace ProbeDashboard.Ui;

/// <summary>
/// The scripts every interactive page loads, in order. The sign-in page prefetches them: it is static (no circuit before
/// the user is known), so without that the browser fetched all three only after the sign-in's redirect, on the way to
/// the first dashboard page.
/// </summary>
public static class DashboardScripts
{
    public static readonly IReadOnlyList<string> Paths =
        ["_content/MudBlazor/MudBlazor.min.js", "assets/js/app.js", "_framework/blazor.web.js"];
}
