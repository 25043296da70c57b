using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Accounts.ApiKeys;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Access;

/// <summary>
/// API keys as every role: each person makes and revokes their own (one audit entry each, naming them) with scopes
/// their role allows; listing or revoking other people's keys is for admins; callers that are not a person are refused.
/// </summary>
public class ApiKeyAccessTests(AdministrationFixture fixture) : IClassFixture<AdministrationFixture>
{
    [Theory]
    [InlineData(UserRole.Viewer, Permissions.AlertRulesRead)]
    [InlineData(UserRole.Operator, Permissions.AlertRulesWrite)]
    [InlineData(UserRole.Admin, Permissions.AlertEventsWrite)]
    public async Task Every_person_makes_and_revokes_their_own_keys_each_audited_once(UserRole role, string scope)
    {
        var actor = await ActorAsync(role);
        var keys = fixture.Get<ApiKeyService>();

        var created = await AuditedAsync(actor, AuditActions.UserApiKeyCreate, () => keys.CreateAsync(actor, "ci", [scope], null, default));
        await AuditedAsync(actor, AuditActions.UserApiKeyRevoke, () => keys.RevokeAsync(actor, created.Key!.Key.Id, default));

        Assert.Single(await keys.ListAsync(actor, everyone: false, default));
    }

    [Theory]
    [InlineData(UserRole.Viewer, false)]
    [InlineData(UserRole.Operator, false)]
    [InlineData(UserRole.Admin, true)]
    public async Task Only_admins_list_and_revoke_other_peoples_keys(UserRole role, bool allowed)
    {
        var actor = await ActorAsync(role);
        var owner = await ActorAsync(UserRole.Viewer);
        var keys = fixture.Get<ApiKeyService>();
        var key = (await keys.CreateAsync(owner, "theirs", [Permissions.ServiceMonitorsRead], null, default)).Key!.Key;

        if (allowed)
        {
            Assert.Contains(await keys.ListAsync(actor, everyone: true, default), k => k.Key.Id == key.Id);
            await AuditedAsync(actor, AuditActions.UserApiKeyRevoke, () => keys.RevokeAsync(actor, key.Id, default));
            return;
        }
        var before = await fixture.LastAuditIdAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() => keys.ListAsync(actor, everyone: true, default));
        Assert.Equal(ApiKeyFailure.NotFound, (await keys.RevokeAsync(actor, key.Id, default)).Failure);
        Assert.Equal(before, await fixture.LastAuditIdAsync());
        Assert.DoesNotContain(await keys.ListAsync(actor, everyone: false, default), k => k.Key.Id == key.Id);
    }

    [Fact]
    public async Task Callers_that_are_not_a_person_can_neither_make_nor_list_nor_revoke_keys()
    {
        var keys = fixture.Get<ApiKeyService>();
        var before = await fixture.LastAuditIdAsync();
        foreach (var actor in new[] { Actor.System, Actor.Cli("root"), Actor.Client(ActorKind.Agent, "a", Permissions.All.ToArray()), TestActors.Nobody })
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => keys.CreateAsync(actor, "x", [Permissions.ServiceMonitorsRead], null, default));
            await Assert.ThrowsAsync<AccessDeniedException>(() => keys.ListAsync(actor, everyone: false, default));
            await Assert.ThrowsAsync<AccessDeniedException>(() => keys.RevokeAsync(actor, 1, default));
        }
        Assert.Equal(before, await fixture.LastAuditIdAsync());
    }

    private async Task<Actor> ActorAsync(UserRole role)
    {
        var user = await fixture.CreateUserAsync(role);
        return Actor.ForRole(user.Id, user.UserName!, role);
    }

    private async Task<T> AuditedAsync<T>(Actor actor, string action, Func<Task<T>> command)
    {
        var before = await fixture.LastAuditIdAsync();
        var result = await command();
        var entry = Assert.Single(await fixture.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.Id > before).ToListAsync()));
        Assert.Equal(action, entry.Action);
        Assert.Equal(actor.Name, entry.Actor);
        return result;
    }
}
