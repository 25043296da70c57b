using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using ProbeDashboard.Alerts;
using ProbeDashboard.Alerts.Feed;
using ProbeDashboard.Auth;
using ProbeDashboard.Monitors;
using ProbeDashboard.Notifications;
using ProbeDashboard.Realtime;
using ProbeDashboard.Ui.Assets;
using ProbeDashboard.Ui.Time;
using MudBlazor;
using MudBlazor.Services;
using ProbeDashboard.Ui.Theme;

namespace ProbeDashboard.Ui;

public static class UiSetup
{
    public static WebApplicationBuilder AddDashboardUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(EmbeddedAssets.Load());
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, CircuitUserRevalidator>();
        builder.Services.AddMudServices(config =>
        {
            // Toasts stack bottom-left, over the empty foot of the nav drawer, at most three at a time: top-right (where
            // the issue first put them) covered the page header's own buttons (Delete, Add) for seconds after each save.
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
            config.SnackbarConfiguration.MaxDisplayedSnackbars = 3;
            config.SnackbarConfiguration.PreventDuplicates = false;
            config.SnackbarConfiguration.ShowCloseIcon = true;
            config.SnackbarConfiguration.VisibleStateDuration = 8000;
            config.SnackbarConfiguration.SnackbarVariant = MudBlazor.Variant.Filled;
        });
        builder.Services.AddScoped<ThemeState>();
        builder.Services.AddSingleton(CoreTextTranslator.Shared);
        builder.Services.AddLocalization();
        builder.Services.AddScoped<CircuitActor>();
        builder.Services.AddSingleton<CircuitEventHub>();
        builder.Services.AddScoped<CircuitConnection>();
        builder.Services.AddScoped<CircuitHandler>(services => services.GetRequiredService<CircuitConnection>());
        builder.Services.AddScoped<StatusFeed>();
        builder.Services.AddSingleton<Monitors.MonitorListPageCache>();
        builder.Services.AddScoped<BrowserClock>();
        builder.Services.AddScoped<AlertFeedPreferences>();
        return builder;
    }

    /// <summary>Localization and static files; goes before authentication so /login is styled and translated.</summary>
    public static void UseDashboardUiAssets(this WebApplication app)
    {
        app.UseRequestLocalization(options => options
            .SetDefaultCulture(UiCultures.Default)
            .AddSupportedCultures(UiCultures.Names)
            .AddSupportedUICultures(UiCultures.Names));
        app.UseMiddleware<EmbeddedAssetsMiddleware>();
    }

    public static void MapDashboardUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapAccountEndpoints();
        app.MapCultureSwitch();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
