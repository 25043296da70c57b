using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Accounts.Passwords;
using ProbeDashboard.Core.Accounts.Sessions;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Access;

/// <summary>
/// Sessions as every role: each person lists and ends their own (one audit entry each), never someone else's
/// (not found, nothing written); callers that are not a person have no sessions to manage.
/// </summary>
public class SessionAccessTests(AdministrationFixture fixture) : IClassFixture<AdministrationFixture>
{
    public static TheoryData<UserRole> Roles => [UserRole.Viewer, UserRole.Operator, UserRole.Admin];

    private SessionService Sessions => fixture.Services.GetRequiredService<SessionService>();

    private async Task<Actor> ActorAsync(UserRole role)
    {
        var user = await fixture.CreateUserAsync(role);
        return Actor.ForRole(user.Id, user.UserName!, role);
    }

    private Task<string> StartAsync(Actor actor, SessionKind kind = SessionKind.Browser) =>
        Sessions.StartAsync(actor.UserId!.Value, kind, "test agent", "127.0.0.1", null, default);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_person_ends_their_own_sessions_each_command_audited_once(UserRole role)
    {
        var actor = await ActorAsync(role);
        var current = await StartAsync(actor);
        var other = await StartAsync(actor, SessionKind.ApiToken);
        await StartAsync(actor);
        var listed = await Sessions.ListAsync(actor, current, default);
        Assert.Equal(3, listed.Count);
        Assert.Single(listed, s => s.Current);

        var before = await fixture.LastAuditIdAsync();
        Assert.True(await Sessions.EndAsync(actor, listed.Single(s => s.Kind == SessionKind.ApiToken).Id, default));
        await AssertOneEntryAsync(before, actor, AuditActions.SessionEnd);
        Assert.False(await Sessions.CheckAsync(other, actor.UserId!.Value, null, default));

        before = await fixture.LastAuditIdAsync();
        Assert.Equal(1, await Sessions.EndOthersAsync(actor, current, "test", default));
        await AssertOneEntryAsync(before, actor, AuditActions.SessionEndOthers);
        Assert.True(Assert.Single(await Sessions.ListAsync(actor, current, default)).Current);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Nobody_ends_or_sees_someone_else_s_session_not_even_an_admin(UserRole role)
    {
        var actor = await ActorAsync(role);
        var owner = await ActorAsync(UserRole.Viewer);
        var key = await StartAsync(owner);
        var id = (await Sessions.ListAsync(owner, null, default)).Single().Id;
        var before = await fixture.LastAuditIdAsync();

        Assert.False(await Sessions.EndAsync(actor, id, default));
        Assert.Empty(await Sessions.ListAsync(actor, key, default));
        Assert.Equal(before, await fixture.LastAuditIdAsync());
        Assert.True(await Sessions.CheckAsync(key, owner.UserId!.Value, null, default));
        Assert.False(await Sessions.CheckAsync(key, actor.UserId!.Value, null, default));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_person_changes_their_own_password_audited_once_and_other_sessions_end(UserRole role)
    {
        var actor = await ActorAsync(role);
        var keep = await StartAsync(actor);
        var other = await StartAsync(actor, SessionKind.ApiToken);
        var before = await fixture.LastAuditIdAsync();

        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<PasswordChangeService>()
                .ChangeAsync(actor, DashboardFactory.UserPassword, "another-password-9", keep, default);
            Assert.True(result.Succeeded);
            Assert.Equal(1, result.SessionsEnded);
        }
        await AssertOneEntryAsync(before, actor, AuditActions.PasswordChange);
        Assert.True(await Sessions.CheckAsync(keep, actor.UserId!.Value, null, default));
        Assert.False(await Sessions.CheckAsync(other, actor.UserId!.Value, null, default));
    }

    public static TheoryData<string> NotPeople => ["system", "cli", "agent", "openapi", "anonymous"];

    [Theory]
    [MemberData(nameof(NotPeople))]
    public async Task Callers_that_are_not_a_person_have_no_sessions_to_manage(string kind)
    {
        var actor = kind switch
        {
            "system" => Actor.System,
            "cli" => Actor.Cli("root"),
            "agent" => Actor.Client(ActorKind.Agent, "agent-1", Permissions.All.ToArray()),
            "openapi" => Actor.Client(ActorKind.OpenApiClient, "client-1", Permissions.All.ToArray()),
            _ => TestActors.Nobody,
        };
        var before = await fixture.LastAuditIdAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() => Sessions.ListAsync(actor, null, default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Sessions.EndAsync(actor, 1, default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Sessions.EndOthersAsync(actor, null, "test", default));
        await using (var scope = fixture.Services.CreateAsyncScope())
            await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<PasswordChangeService>()
                .ChangeAsync(actor, "x", "another-password-9", null, default));
        Assert.Equal(before, await fixture.LastAuditIdAsync());
    }

    private async Task AssertOneEntryAsync(long before, Actor actor, string action)
    {
        var entry = Assert.Single(await fixture.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.Id > before).ToListAsync()));
        Assert.Equal(action, entry.Action);
        Assert.Equal(actor.Name, entry.Actor);
    }
}
