using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using ProbeDashboard.Ui;
using ProbeDashboard.Ui.Theme;
using ProbeDashboard.Ui.Time;

namespace ProbeDashboard.Tests.Components;

/// <summary>
/// Base for bUnit tests of the dashboard's components: MudBlazor's services, the real UI texts (English unless a
/// test picks Chinese), the theme state and browser clock, and loose JS interop (MudBlazor calls JS that a test
/// need not answer). MudBlazor registers a service that is only IAsyncDisposable, so the context is disposed
/// asynchronously here instead of by inheriting BunitContext (xunit v2 would dispose it synchronously).
/// </summary>
public abstract class ComponentTest : IAsyncLifetime
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;

    protected BunitContext Ctx { get; } = new();

    // bUnit waits one second by default before a WaitFor gives up; on a shared two-core machine a live update can take
    // longer to arrive. A passing wait returns as soon as its condition holds, so this costs nothing when all is well.
    static ComponentTest() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected ComponentTest()
    {
        Ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        Ctx.Services.AddMudServices();
        Ctx.Services.AddLocalization();
        Ctx.Services.AddSingleton(TimeProvider.System);
        Ctx.Services.AddScoped<BrowserClock>();
        Ctx.Services.AddScoped<ThemeState>();
        Ctx.Services.AddSingleton(CoreTextTranslator.Shared);
        UseCulture("en");
    }

    /// <summary>The UI language for what the test renders next ("en" or "zh-Hans").</summary>
    protected static void UseCulture(string name) =>
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (new CultureInfo(name), new CultureInfo(name));

    /// <summary>Menus, selects and tooltips render into the popover provider, as MainLayout has it.</summary>
    protected IRenderedComponent<MudBlazor.MudPopoverProvider> RenderPopovers() => Ctx.Render<MudBlazor.MudPopoverProvider>();

    /// <summary>Runs after the test class's constructor has added its own services: the renderer fixes them.</summary>
    public Task InitializeAsync()
    {
        // As in the dashboard: a live (interactive server) circuit.
        Ctx.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
        await Ctx.DisposeAsync();
    }
}
