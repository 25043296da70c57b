using MudBlazor;

namespace ProbeDashboard.Ui.Theme;

/// <summary>
/// The dashboard's MudBlazor theme. Fonts are the system's own (nothing is fetched from a font host, so the
/// dashboard works offline); the status colours match the heartbeat ticks and pills in app.css, and the dark
/// palette keeps them readable (contrast ≥ 4.5:1 on its surfaces).
/// </summary>
public static class DashboardTheme
{
    private static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Noto Sans CJK SC", "Microsoft YaHei", "sans-serif"];

    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fbf",
            Secondary = "#6e40c9",
            Success = "#1a7f37",
            Error = "#cf222e",
            Warning = "#9a6700",
            Info = "#0969da",
            AppbarBackground = "#1f5fbf",
            Background = "#f6f8fa",
            TextSecondary = "#57606a",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6ea8fe",
            // Dark text on the light blue: white on it is 2.3:1, this is 8:1.
            PrimaryContrastText = "#0d1117",
            Secondary = "#b392f0",
            Success = "#3fb950",
            Error = "#ff7b72",
            Warning = "#d29922",
            Info = "#58a6ff",
            AppbarBackground = "#161b22",
            Background = "#0d1117",
            Surface = "#161b22",
            DrawerBackground = "#0d1117",
            TextPrimary = "#e6edf3",
            TextSecondary = "#9da7b3",
        },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = SystemFonts } },
    };
}
