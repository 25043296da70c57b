using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Api.StatusPages;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Access;

/// <summary>
/// The access table of status pages: viewers read, operators and admins also write, an actor without permissions
/// does neither. Each allowed write leaves exactly one audit entry naming actor, action and page; a refusal leaves
/// none and changes nothing.
/// </summary>
public class StatusPageAccessTests(StatusPageFactory app) : IClassFixture<StatusPageFactory>
{
    private static int _serial;

    private delegate Task<int?> Command(StatusPageService pages, ProbeDbContext db, Actor actor, int pageId);

    private static StatusPageInput Input(string slug, string title = "T") => new(slug, title, null, null, [], null, null, true);

    private static string Unique() => $"access-{Interlocked.Increment(ref _serial)}";

    private static readonly Dictionary<string, (string Action, Command Run)> Commands = new()
    {
        ["create"] = (AuditActions.StatusPageCreate, async (pages, _, actor, _) => (await pages.CreateAsync(actor, Input(Unique()), default)).Page?.Id),
        ["update"] = (AuditActions.StatusPageUpdate, async (pages, db, actor, id) =>
            (await pages.UpdateAsync(actor, id, Input(await db.StatusPages.Where(p => p.Id == id).Select(p => p.Slug).SingleAsync(), "renamed"), default)).Page?.Id),
        ["delete"] = (AuditActions.StatusPageDelete, async (pages, _, actor, id) => (await pages.DeleteAsync(actor, id, default)).Outcome == StatusPageOutcome.Done ? id : null),
        ["create in a caller's transaction"] = (AuditActions.StatusPageCreate, async (pages, db, actor, _) =>
            (await pages.SaveAsync(db, actor, null, Input(Unique()), default)).Page?.Id),
    };

    private static readonly Dictionary<string, Func<StatusPageService, Actor, int, Task>> Queries = new()
    {
        ["list"] = (pages, actor, _) => pages.ListAsync(actor, default),
        ["get"] = (pages, actor, id) => pages.GetAsync(actor, id, default),
    };

    public static IEnumerable<object[]> CommandCases() =>
        from name in Commands.Keys from role in TestActors.Roles() select new object[] { name, role[0], role[1] };

    public static IEnumerable<object[]> QueryCases() =>
        from name in Queries.Keys from role in TestActors.Roles() select new object[] { name, role[0], role[1] };

    [Theory]
    [MemberData(nameof(CommandCases))]
    public async Task Operators_and_admins_write_pages_with_one_audit_entry_others_are_refused_and_change_nothing(string command, string role, Actor actor)
    {
        var pages = app.Services.GetRequiredService<StatusPageService>();
        var page = (await pages.CreateAsync(Actor.System, Input(Unique()), default)).Page!;
        var (action, run) = Commands[command];
        var lastEntry = await app.WithDbAsync(db => db.AuditLog.MaxAsync(e => (long?)e.Id)) ?? 0;
        var before = await SnapshotAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync();

        if (role is "viewer" or "nobody")
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => run(pages, db, actor, page.Id));
            Assert.Equal(Permissions.ServiceMonitorsWrite, refused.Permission);
            Assert.Equal(before, await SnapshotAsync());
            Assert.Equal(0, await app.WithDbAsync(d => d.AuditLog.CountAsync(e => e.Id > lastEntry)));
            return;
        }

        var target = await run(pages, db, actor, page.Id);
        Assert.NotNull(target);
        var entry = Assert.Single(await app.WithDbAsync(d => d.AuditLog.AsNoTracking().Where(e => e.Id > lastEntry).ToListAsync()));
        Assert.Equal((actor.Name, action), (entry.Actor, entry.Action));
        Assert.StartsWith($"status page #{target} ", entry.Target);
    }

    [Theory]
    [MemberData(nameof(QueryCases))]
    public async Task Every_role_but_nobody_reads_pages(string query, string role, Actor actor)
    {
        var pages = app.Services.GetRequiredService<StatusPageService>();
        var page = (await pages.CreateAsync(Actor.System, Input(Unique()), default)).Page!;
        if (role == "nobody")
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => Queries[query](pages, actor, page.Id));
            Assert.Equal(Permissions.ServiceMonitorsRead, refused.Permission);
            return;
        }
        await Queries[query](pages, actor, page.Id);
    }

    private Task<string> SnapshotAsync() => app.WithDbAsync(async db =>
        string.Join("\n", await db.StatusPages.AsNoTracking().OrderBy(p => p.Id).Select(p => $"{p.Id} {p.Slug} {p.Title} {p.UpdatedAt}").ToListAsync()));
}
