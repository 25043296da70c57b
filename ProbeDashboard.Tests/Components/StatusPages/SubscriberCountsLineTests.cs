using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Core.StatusPages.Subscriptions;
using ProbeDashboard.StatusPages.Ui;
using ProbeDashboard.Tests.Api.StatusPages;

namespace ProbeDashboard.Tests.Components.StatusPages;

/// <summary>The page editor tells how many readers subscribed (confirmed and pending), read through the real Core service.</summary>
public class SubscriberCountsLineTests : ComponentTest, IClassFixture<StatusPageFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly StatusPageFactory _app;
    private readonly BunitAuthorizationContext _auth;

    public SubscriberCountsLineTests(StatusPageFactory app)
    {
        _app = app;
        Ctx.Services.AddSingleton(app.Services.GetRequiredService<StatusPageService>());
        Ctx.Services.AddSingleton(app.Services.GetRequiredService<ProbeDashboard.Core.StatusPages.Incidents.IncidentService>());
        Ctx.Services.AddSingleton(app.Services.GetRequiredService<SubscriptionService>());
        Ctx.Services.AddScoped<CircuitActor>();
        _auth = Ctx.AddAuthorization();
    }

    [Fact]
    public async Task Editing_a_page_shows_its_confirmed_and_pending_subscribers()
    {
        var page = await _app.AddPageAsync(true, null, ("S", []));
        var subscriptions = _app.Services.GetRequiredService<SubscriptionService>();
        await subscriptions.SubscribeAsync(page.Slug, "one@example.test", "en", default);
        await subscriptions.SubscribeAsync(page.Slug, "two@example.test", "en", default);
        SignIn(UserRole.Operator);
        RenderPopovers();
        var cut = Ctx.Render<StatusPagesPage>();

        cut.WaitForAssertion(() => Assert.Contains(page.Title, cut.Markup), Patience);
        cut.OnRenderer(() => cut.Find($"button[aria-label='Edit {page.Title}']").Click());

        cut.WaitForAssertion(() => Assert.Equal("E-mail subscribers: 0 confirmed, 2 pending", cut.Find("[data-testid=subscriber-counts]").TextContent), Patience);
    }

    [Fact]
    public void A_new_page_has_no_subscriber_line()
    {
        SignIn(UserRole.Operator);
        RenderPopovers();
        var cut = Ctx.Render<StatusPageEditor>(p => p.Add(x => x.Form, new StatusPageForm()));

        Assert.Contains("Save", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=subscriber-counts]"));
    }

    private void SignIn(UserRole role)
    {
        _auth.SetAuthorized($"{role}-ui");
        _auth.SetClaims([new Claim(ClaimTypes.NameIdentifier, "4242"), .. Permissions.For(role).Select(p => new Claim(Permissions.ClaimType, p))]);
    }
}
