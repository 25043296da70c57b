using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.StatusPages.Ui;
using ProbeDashboard.Tests.Api.StatusPages;

namespace ProbeDashboard.Tests.Components.StatusPages;

/// <summary>The status pages admin page on MudBlazor, over the real Core service and database, as a signed-in user of a role.</summary>
public class StatusPagesPageTests : ComponentTest, IClassFixture<StatusPageFactory>
{
    private readonly StatusPageFactory _app;
    private readonly BunitAuthorizationContext _auth;

    public StatusPagesPageTests(StatusPageFactory app)
    {
        _app = app;
        Ctx.Services.AddSingleton(app.Services.GetRequiredService<StatusPageService>());
        Ctx.Services.AddSingleton(app.Services.GetRequiredService<ProbeDashboard.Core.StatusPages.Incidents.IncidentService>());
        Ctx.Services.AddSingleton(app.Services.GetRequiredService<ProbeDashboard.Core.StatusPages.Subscriptions.SubscriptionService>());
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

    [Fact]
    public async Task An_operator_edits_a_page_gives_a_monitor_a_public_name_and_publishes_it()
    {
        var monitor = await _app.AddMonitorAsync();
        var page = await _app.AddPageAsync(false, null, ("Core", [(monitor.Id, null)]));
        SignIn(UserRole.Operator);
        RenderPopovers();
        var cut = Ctx.Render<StatusPagesPage>();

        cut.WaitForAssertion(() => Assert.Contains(page.Title, cut.Markup), Patience);
        cut.OnRenderer(() => cut.Find($"button[aria-label='Edit {page.Title}']").Click());
        Assert.Contains(monitor.Name, cut.Markup);
        cut.OnRenderer(() => cut.Find($"input[placeholder='{monitor.Name}']").Change("Public shop"));
        cut.OnRenderer(() => cut.FindAll("input[type=checkbox]")[0].Change(true));
        cut.OnRenderer(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click());

        cut.WaitForAssertion(() => Assert.Contains("Published", cut.Find("table").TextContent), Patience);
        var stored = await _app.WithDbAsync(db => db.StatusPages.Include(p => p.Sections).ThenInclude(s => s.Items).AsSplitQuery().SingleAsync(p => p.Id == page.Id));
        Assert.True(stored.Published);
        Assert.Equal("Public shop", stored.Sections[0].Items[0].DisplayName);
    }

    [Fact]
    public async Task A_bad_slug_is_shown_at_its_field_and_nothing_is_saved()
    {
        SignIn(UserRole.Operator);
        var before = await _app.WithDbAsync(db => db.StatusPages.CountAsync());
        var cut = Ctx.Render<StatusPagesPage>();

        cut.OnRenderer(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "New status page").Click());
        cut.OnRenderer(() => cut.FindAll("input")[0].Change("Not A Slug"));
        cut.OnRenderer(() => cut.FindAll("input")[1].Change("Shop"));
        cut.OnRenderer(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click());

        cut.WaitForAssertion(() => Assert.Contains("lower-case letters", cut.Markup), Patience);
        Assert.Equal(before, await _app.WithDbAsync(db => db.StatusPages.CountAsync()));
    }

    [Fact]
    public async Task A_viewer_sees_the_pages_without_controls_to_change_them()
    {
        var page = await _app.AddPageAsync(true, null);
        SignIn(UserRole.Viewer);
        var cut = Ctx.Render<StatusPagesPage>();

        cut.WaitForAssertion(() => Assert.Contains($"/status/{page.Slug}", cut.Markup), Patience);
        Assert.DoesNotContain("New status page", cut.Markup);
        Assert.Empty(cut.FindAll($"button[aria-label='Edit {page.Title}']"));
    }
}
