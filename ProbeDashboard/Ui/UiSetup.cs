using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.FileProviders;
using ProbeDashboard.Alerts;
using ProbeDashboard.Alerts.Feed;
using ProbeDashboard.Alerts.Rules;
using ProbeDashboard.Auth;
using ProbeDashboard.Monitors;
using ProbeDashboard.Notifications;
using ProbeDashboard.Realtime;
using ProbeDashboard.Ui.Time;
using Radzen;

namespace ProbeDashboard.Ui;

public static class UiSetup
{
    /// <summary>Where the UI's own static files sit: copied beside the binary by the build.</summary>
    public const string AssetsFolder = "wwwroot-assets";

    public static WebApplicationBuilder AddDashboardUi(this WebApplicationBuilder builder)
    {
        // Radzen's files live in the build's static web assets; outside Development the host would not serve them
        // from a build output (dotnet run without a launch profile). Published output carries them in wwwroot.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, CircuitUserRevalidator>();
        builder.Services.AddRadzenComponents();
        builder.Services.AddLocalization();
        builder.Services.AddScoped<StatusFeed>();
        builder.Services.AddScoped<BrowserClock>();
        builder.Services.AddScoped<MonitorCommands>();
        builder.Services.AddScoped<AlertCommands>();
        builder.Services.AddScoped<AlertFeedPreferences>();
        builder.Services.AddScoped<AlertRuleCommands>();
        builder.Services.AddScoped<NotificationGroupCommands>();
        return builder;
    }

    /// <summary>Localization and static files; goes before authentication so /login is styled and translated.</summary>
    public static void UseDashboardUiAssets(this WebApplication app)
    {
        app.UseRequestLocalization(options => options
            .SetDefaultCulture(UiCultures.Default)
            .AddSupportedCultures(UiCultures.Names)
            .AddSupportedUICultures(UiCultures.Names));
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, AssetsFolder)),
            RequestPath = "/assets",
        });
        // Radzen's files (_content/...) come from the static web assets of the build or the publish output.
        app.UseStaticFiles();
    }

    public static void MapDashboardUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapAccountEndpoints();
        app.MapCultureSwitch();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
