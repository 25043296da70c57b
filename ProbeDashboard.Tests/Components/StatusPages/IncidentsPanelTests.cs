using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Core.StatusPages.Incidents;
using ProbeDashboard.StatusPages.Incidents;
using ProbeDashboard.StatusPages.Ui;
using ProbeDashboard.Tests.Api.StatusPages;

namespace ProbeDashboard.Tests.Components.StatusPages;

/// <summary>The incidents of a status page in the dashboard, over the real Core service and database, as a user of a role.</summary>
public class IncidentsPanelTests : ComponentTest, IClassFixture<StatusPageFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly StatusPageFactory _app;
    private readonly BunitAuthorizationContext _auth;

    public IncidentsPanelTests(StatusPageFactory app)
    {
        _app = app;
        Ctx.Services.AddSingleton(app.Services.GetRequiredService<StatusPageService>());
        Ctx.Services.AddSingleton(app.Services.GetRequiredService<IncidentService>());
        Ctx.Services.AddScoped<CircuitActor>();
        _auth = Ctx.AddAuthorization();
    }

    private IncidentService Incidents => _app.Services.GetRequiredService<IncidentService>();

    private void SignIn(UserRole role)
    {
        _auth.SetAuthorized($"{role}-ui");
        _auth.SetClaims([new Claim(ClaimTypes.NameIdentifier, "4242"), .. Permissions.For(role).Select(p => new Claim(Permissions.ClaimType, p))]);
    }

    private IRenderedComponent<IncidentsPanel> RenderPanel(StatusPage page) =>
        Ctx.Render<IncidentsPanel>(p => p.Add(x => x.PageId, page.Id).Add(x => x.PageTitle, page.Title));

    [Fact]
    public async Task An_operator_posts_an_incident_and_it_is_listed_with_its_rendered_markdown()
    {
        var page = await _app.AddPageAsync(true, null, ("S", []));
        SignIn(UserRole.Operator);
        RenderPopovers();
        var cut = RenderPanel(page);

        cut.WaitForAssertion(() => Assert.Contains("No incidents posted on this page.", cut.Markup), Patience);
        cut.OnRenderer(() => cut.FindAll("input")[0].Change("Payments delayed"));
        cut.OnRenderer(() => cut.Find("textarea").Change("Card payments **queue** <b>now</b>."));
        cut.OnRenderer(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Post incident").Click());

        cut.WaitForAssertion(() => Assert.Contains("<strong>queue</strong>", cut.Markup), Patience);
        Assert.Contains("&lt;b&gt;now&lt;/b&gt;", cut.Markup);
        var stored = await _app.WithDbAsync(db => db.StatusPageIncidents.SingleAsync(i => i.StatusPageId == page.Id));
        Assert.Equal(("Payments delayed", IncidentStatus.Investigating), (stored.Title, stored.Status));
    }

    [Fact]
    public async Task An_incident_without_a_title_shows_the_error_and_nothing_is_saved()
    {
        var page = await _app.AddPageAsync(true, null, ("S", []));
        SignIn(UserRole.Operator);
        var cut = RenderPanel(page);

        cut.WaitForAssertion(() => Assert.Contains("No incidents posted", cut.Markup), Patience);
        cut.OnRenderer(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Post incident").Click());

        cut.WaitForAssertion(() => Assert.Contains("title is required", cut.Markup), Patience);
        Assert.Equal(0, await _app.WithDbAsync(db => db.StatusPageIncidents.CountAsync(i => i.StatusPageId == page.Id)));
    }

    [Fact]
    public async Task An_operator_appends_an_update_and_resolves_the_incident()
    {
        var page = await _app.AddPageAsync(true, null, ("S", []));
        var incident = (await Incidents.CreateAsync(Actor.System, page.Id, new("Slow search", "", "identified", null), default)).Incident!;
        SignIn(UserRole.Operator);
        var cut = RenderPanel(page);

        cut.WaitForAssertion(() => Assert.Contains("Slow search", cut.Markup), Patience);
        cut.OnRenderer(() => cut.FindAll("input").Last().Change("A fix is *rolling out*."));
        cut.OnRenderer(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Post update").Click());
        cut.WaitForAssertion(() => Assert.Contains("<em>rolling out</em>", cut.Markup), Patience);
        cut.OnRenderer(() => cut.Find("button[aria-label='Resolve Slow search']").Click());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("button[aria-label='Resolve Slow search']")), Patience);
        var stored = await _app.WithDbAsync(db => db.StatusPageIncidents.Include(i => i.Updates).SingleAsync(i => i.Id == incident.Id));
        Assert.Equal(IncidentStatus.Resolved, stored.Status);
        Assert.NotNull(stored.ResolvedAt);
        Assert.Equal([(IncidentStatus.Identified, "A fix is *rolling out*."), (IncidentStatus.Resolved, "This incident has been resolved.")],
            stored.Updates.OrderBy(u => u.Id).Select(u => (u.Status, u.Body)));
    }

    [Fact]
    public async Task A_viewer_reads_incidents_from_the_pages_list_without_controls_to_change_them()
    {
        var page = await _app.AddPageAsync(true, null, ("S", []));
        await Incidents.CreateAsync(Actor.System, page.Id, new("Mail delays", "Queued mail.", null, null), default);
        SignIn(UserRole.Viewer);
        var cut = Ctx.Render<StatusPagesPage>();

        cut.WaitForAssertion(() => Assert.Contains(page.Title, cut.Markup), Patience);
        cut.OnRenderer(() => cut.Find($"button[aria-label='Incidents of {page.Title}']").Click());

        cut.WaitForAssertion(() => Assert.Contains("Mail delays", cut.Markup), Patience);
        Assert.Contains("Queued mail.", cut.Markup);
        Assert.DoesNotContain("Post incident", cut.Markup);
        Assert.Empty(cut.FindAll("button[aria-label='Resolve Mail delays']"));
        Assert.Empty(cut.FindAll("button[aria-label='Delete Mail delays']"));
    }
}
