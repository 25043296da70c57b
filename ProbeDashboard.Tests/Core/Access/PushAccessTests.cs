using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Push;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Access;

/// <summary>
/// Rotating a push monitor's token: operators and admins may, each rotation audited once without the token in the
/// entry; viewers and nobody are refused and the token stays.
/// </summary>
public class PushAccessTests(MonitorAccessFixture fixture) : IClassFixture<MonitorAccessFixture>
{
    [Theory]
    [MemberData(nameof(TestActors.Roles), MemberType = typeof(TestActors))]
    public async Task Only_writers_may_rotate_a_push_token_and_each_rotation_is_audited_once(string role, Actor actor)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var monitors = fixture.Core.Get<MonitorService>();
        var created = (await monitors.CreateAsync(Actor.System, new MonitorInput
        {
            Name = $"push for {role}", Type = (int)MonitorKind.Push, Push = new PushInput { Period = 300 },
        }, "test", cts.Token)).Monitor!;
        var lastEntry = await LastEntryIdAsync(cts.Token);

        if (role is "operator" or "admin")
        {
            var (outcome, token) = await monitors.RotatePushTokenAsync(actor, created.Id, cts.Token);
            Assert.Equal(PushTokenRotation.Rotated, outcome);
            Assert.NotEqual(created.PushToken, token);
            var entry = Assert.Single(await EntriesSinceAsync(lastEntry, cts.Token));
            Assert.Equal((actor.Name, AuditActions.MonitorPushTokenRotate, $"monitor #{created.Id} push for {role}"), (entry.Actor, entry.Action, entry.Target));
            Assert.DoesNotContain(token!, entry.Detail ?? "");
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => monitors.RotatePushTokenAsync(actor, created.Id, cts.Token));
            Assert.Empty(await EntriesSinceAsync(lastEntry, cts.Token));
            await using var db = fixture.Core.CreateDbContext();
            Assert.Equal(created.PushToken, await db.Monitors.Where(m => m.Id == created.Id).Select(m => m.PushToken).SingleAsync(cts.Token));
        }
    }

    private async Task<long> LastEntryIdAsync(CancellationToken cancellationToken)
    {
        await using var db = fixture.Core.CreateDbContext();
        return await db.AuditLog.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
    }

    private async Task<List<AuditEntry>> EntriesSinceAsync(long lastEntryId, CancellationToken cancellationToken)
    {
        await using var db = fixture.Core.CreateDbContext();
        return await db.AuditLog.Where(e => e.Id > lastEntryId).ToListAsync(cancellationToken);
    }
}
