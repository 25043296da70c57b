using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ProbeDashboard.Alerts.Feed;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Realtime;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Alerts;

/// <summary>
/// Base for the alert and notification components: the real app's Core services (singletons of an
/// <see cref="AlertTestFactory"/> with its real engine and SQLite database), the circuit's own scoped services, and a
/// signed-in user of the role the test picks. Dialogs and toasts render into their providers as in MainLayout.
/// </summary>
public abstract class AlertComponentTest : ComponentTest
{
    private static int _serial;
    private readonly BunitAuthorizationContext _auth;

    protected AlertComponentTest(AlertTestFactory factory)
    {
        Factory = factory;
        Ctx.Services.AddLogging();
        Ctx.Services.AddScoped<CircuitActor>();
        // The fallback provider answers components only, not the constructors of services registered here.
        Ctx.Services.AddSingleton(factory.Services.GetRequiredService<EventBus>());
        Ctx.Services.AddSingleton<CircuitEventHub>();
        Ctx.Services.AddScoped<StatusFeed>();
        Ctx.Services.AddScoped<AlertFeedPreferences>();
        Ctx.Services.AddFallbackServiceProvider(factory.Services);
        _auth = Ctx.AddAuthorization();
        SignIn(UserRole.Operator);
    }

    protected AlertTestFactory Factory { get; }

    /// <summary>A name no other test of the shared app uses.</summary>
    protected static string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _serial).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The circuit's user: the role's permission claims, as the sign-in cookie carries them.</summary>
    protected void SignIn(UserRole role)
    {
        _auth.SetAuthorized(role.ToString().ToLowerInvariant() + "-ui");
        _auth.SetClaims([new Claim(ClaimTypes.NameIdentifier, ((int)role + 9100).ToString(CultureInfo.InvariantCulture)),
            .. Permissions.For(role).Select(p => new Claim(Permissions.ClaimType, p))]);
    }

    /// <summary>Nobody signed in: the circuit's actor holds no permission.</summary>
    protected void SignOut() => _auth.SetNotAuthorized();

    private IRenderedComponent<MudDialogProvider>? _dialogs;
    private IRenderedComponent<MudPopoverProvider>? _popovers;
    private IRenderedComponent<MudSnackbarProvider>? _snackbars;

    /// <summary>The providers MainLayout has, each rendered once per test however often a test asks for it.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderDialogs() => _dialogs ??= Ctx.Render<MudDialogProvider>();

    protected IRenderedComponent<MudPopoverProvider> Popovers => _popovers ??= RenderPopovers();

    protected IRenderedComponent<MudSnackbarProvider> RenderSnackbars() => _snackbars ??= Ctx.Render<MudSnackbarProvider>();

    /// <summary>A monitor whose first failed round fired an alert event through the real engine.</summary>
    protected async Task<AlertEvent> FiringAsync(string name)
    {
        var monitor = await Factory.Feed.AddMonitorAsync(name, m => { m.EnableAlert = true; m.FailThreshold = 1; });
        await Factory.Feed.CommitRoundsAsync(monitor.Id, false);
        return await Factory.Feed.EventAsync(e => e.TargetId == monitor.Id && e.Status == AlertEventStatus.Firing, $"{name} to fire");
    }

    protected async Task<AlertEvent> ReloadAsync(long id)
    {
        await using var db = Factory.Feed.Db();
        return await db.AlertEvents.FindAsync(id) ?? throw new InvalidOperationException($"event {id} is gone");
    }
}
