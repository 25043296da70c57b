using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.StatusPages.Incidents;
using ProbeDashboard.Tests.Api.StatusPages;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Access;

/// <summary>
/// The access table of status page incidents: viewers read, operators and admins also post, update, resolve and
/// delete; an actor without permissions does neither. Each allowed command leaves exactly one audit entry naming the
/// incident; a refusal leaves none and changes nothing.
/// </summary>
public class IncidentAccessTests(StatusPageFactory app) : IClassFixture<StatusPageFactory>
{
    private delegate Task<IncidentResult> Command(IncidentService incidents, Actor actor, int pageId, int incidentId);

    private static readonly Dictionary<string, (string Action, Command Run)> Commands = new()
    {
        ["create"] = (AuditActions.IncidentCreate, (incidents, actor, page, _) => incidents.CreateAsync(actor, page, new("New", "b", null, null), default)),
        ["update"] = (AuditActions.IncidentUpdate, (incidents, actor, page, id) => incidents.UpdateAsync(actor, page, id, new("Renamed", "b", "identified", null), default)),
        ["append an update"] = (AuditActions.IncidentAddUpdate, (incidents, actor, page, id) => incidents.AppendUpdateAsync(actor, page, id, new("resolved", "Fixed"), default)),
        ["delete"] = (AuditActions.IncidentDelete, (incidents, actor, page, id) => incidents.DeleteAsync(actor, page, id, default)),
    };

    private static readonly Dictionary<string, Func<IncidentService, Actor, int, int, Task>> Queries = new()
    {
        ["list"] = (incidents, actor, page, _) => incidents.ListAsync(actor, page, default),
        ["get"] = (incidents, actor, page, id) => incidents.GetAsync(actor, page, id, default),
    };

    public static IEnumerable<object[]> CommandCases() =>
        from name in Commands.Keys from role in TestActors.Roles() select new object[] { name, role[0], role[1] };

    public static IEnumerable<object[]> QueryCases() =>
        from name in Queries.Keys from role in TestActors.Roles() select new object[] { name, role[0], role[1] };

    [Theory]
    [MemberData(nameof(CommandCases))]
    public async Task Operators_and_admins_run_incident_commands_with_one_audit_entry_others_are_refused_and_change_nothing(string command, string role, Actor actor)
    {
        var (incidents, page, incident) = await ArrangeAsync();
        var (action, run) = Commands[command];
        var lastEntry = await app.WithDbAsync(db => db.AuditLog.MaxAsync(e => (long?)e.Id)) ?? 0;
        var before = await SnapshotAsync(page);

        if (role is "viewer" or "nobody")
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => run(incidents, actor, page, incident));
            Assert.Equal(Permissions.ServiceMonitorsWrite, refused.Permission);
            Assert.Equal(before, await SnapshotAsync(page));
            Assert.Equal(0, await app.WithDbAsync(d => d.AuditLog.CountAsync(e => e.Id > lastEntry)));
            return;
        }

        var result = await run(incidents, actor, page, incident);
        Assert.Equal(IncidentOutcome.Done, result.Outcome);
        var entry = Assert.Single(await app.WithDbAsync(d => d.AuditLog.AsNoTracking().Where(e => e.Id > lastEntry).ToListAsync()));
        Assert.Equal((actor.Name, action), (entry.Actor, entry.Action));
        Assert.Equal($"incident #{result.Incident?.Id ?? incident} of status page #{page}", entry.Target);
    }

    [Theory]
    [MemberData(nameof(QueryCases))]
    public async Task Every_role_but_nobody_reads_incidents(string query, string role, Actor actor)
    {
        var (incidents, page, incident) = await ArrangeAsync();
        if (role == "nobody")
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => Queries[query](incidents, actor, page, incident));
            Assert.Equal(Permissions.ServiceMonitorsRead, refused.Permission);
            return;
        }
        await Queries[query](incidents, actor, page, incident);
    }

    private async Task<(IncidentService Incidents, int Page, int Incident)> ArrangeAsync()
    {
        var incidents = app.Services.GetRequiredService<IncidentService>();
        var page = await app.AddPageAsync(true, null, ("S", []));
        var incident = (await incidents.CreateAsync(Actor.System, page.Id, new("Outage", "b", null, null), default)).Incident!;
        return (incidents, page.Id, incident.Id);
    }

    private Task<string> SnapshotAsync(int page) => app.WithDbAsync(async db =>
        string.Join("\n", await db.StatusPageIncidents.AsNoTracking().Where(i => i.StatusPageId == page).OrderBy(i => i.Id)
            .Select(i => $"{i.Id} {i.Title} {i.Status} {i.UpdatedAt} {i.Updates.Count}").ToListAsync()));
}
