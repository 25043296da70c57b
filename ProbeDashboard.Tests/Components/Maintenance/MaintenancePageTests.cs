using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Maintenance;
using ProbeDashboard.StatusPages.Maintenance;
using ProbeDashboard.Tests.Api.StatusPages;

namespace ProbeDashboard.Tests.Components.Maintenance;

/// <summary>The maintenance windows page on MudBlazor, over the real Core service and database, as a signed-in user of a role.</summary>
public class MaintenancePageTests : ComponentTest, IClassFixture<StatusPageFactory>
{
    private readonly StatusPageFactory _app;
    private readonly BunitAuthorizationContext _auth;

    public MaintenancePageTests(StatusPageFactory app)
    {
        _app = app;
        Ctx.Services.AddSingleton(app.Services.GetRequiredService<MaintenanceWindowService>());
        Ctx.Services.AddSingleton<TimeProvider>(app.Clock);
        Ctx.Services.AddScoped<CircuitActor>();
        _auth = Ctx.AddAuthorization();
    }

    /// <summary>The page reads and saves through the real database; a busy machine needs more than bUnit's one second.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private void SignIn(UserRole role)
    {
        _auth.SetAuthorized($"{role}-ui");
        _auth.SetClaims([new Claim(ClaimTypes.NameIdentifier, "4242"), .. Permissions.For(role).Select(p => new Claim(Permissions.ClaimType, p))]);
    }

    private async Task<MaintenanceWindow> AddWindowAsync(string title, TimeSpan from, TimeSpan until)
    {
        var monitor = await _app.AddMonitorAsync();
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var input = new MaintenanceWindowInput(title, null, [monitor.Id], null, "once", now + from, now + until, null, null, null, null, null, null, null, true);
        return (await _app.Services.GetRequiredService<MaintenanceWindowService>().CreateAsync(Actor.System, input, default)).Window!;
    }

    [Fact]
    public async Task An_operator_renames_a_window_and_moves_its_end()
    {
        var window = await AddWindowAsync($"Patch {Guid.NewGuid():N}"[..14], TimeSpan.FromHours(1), TimeSpan.FromHours(2));
        SignIn(UserRole.Operator);
        RenderPopovers();
        var cut = Ctx.Render<MaintenancePage>();

        cut.WaitForAssertion(() => Assert.Contains(window.Title, cut.Markup), Patience);
        Assert.Contains("Scheduled", cut.Find("table").TextContent);
        cut.OnRenderer(() => cut.Find($"button[aria-label='Edit {window.Title}']").Click());
        cut.Fill("Title", window.Title + " v2");
        var end = window.EndsAt!.Value.AddHours(1);
        cut.Fill("End (UTC)", end.ToString(MaintenanceForm.LocalFormat));
        cut.Press("Save");

        cut.WaitForAssertion(() => Assert.Contains(window.Title + " v2", cut.Find("table").TextContent), Patience);
        var stored = await _app.WithDbAsync(db => db.MaintenanceWindows.SingleAsync(w => w.Id == window.Id));
        Assert.Equal((window.Title + " v2", new DateTime(end.Ticks - end.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc)), (stored.Title, stored.EndsAt!.Value));
    }

    [Fact]
    public async Task A_window_without_monitors_and_ending_before_it_starts_shows_both_problems_and_nothing_is_saved()
    {
        SignIn(UserRole.Operator);
        RenderPopovers();
        var before = await _app.WithDbAsync(db => db.MaintenanceWindows.CountAsync());
        var cut = Ctx.Render<MaintenancePage>();

        cut.WaitForAssertion(() => cut.Button("New maintenance window"), Patience);
        cut.Press("New maintenance window");
        cut.Fill("Title", "Backwards");
        cut.Fill("Start (UTC)", "2026-01-02T02:00");
        cut.Fill("End (UTC)", "2026-01-02T01:00");
        cut.Press("Save");

        cut.WaitForAssertion(() => Assert.Contains("end must be after start", cut.Markup), Patience);
        Assert.Contains("name at least one monitor or host group", cut.Markup);
        Assert.Equal(before, await _app.WithDbAsync(db => db.MaintenanceWindows.CountAsync()));
    }

    [Fact]
    public async Task A_viewer_sees_a_running_window_as_in_maintenance_without_controls_to_change_it()
    {
        var window = await AddWindowAsync($"Running {Guid.NewGuid():N}"[..16], TimeSpan.FromMinutes(-5), TimeSpan.FromHours(1));
        SignIn(UserRole.Viewer);
        var cut = Ctx.Render<MaintenancePage>();

        cut.WaitForAssertion(() => Assert.Contains(window.Title, cut.Markup), Patience);
        var row = cut.FindAll("tr").Single(r => r.TextContent.Contains(window.Title));
        Assert.Contains("In maintenance", row.TextContent);
        Assert.DoesNotContain("New maintenance window", cut.Markup);
        Assert.Empty(cut.FindAll($"button[aria-label='Edit {window.Title}']"));
    }
}
