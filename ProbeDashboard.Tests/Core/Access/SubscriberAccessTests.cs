using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.StatusPages.Subscriptions;
using ProbeDashboard.Tests.Api.StatusPages;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Access;

/// <summary>
/// The access table of status page subscribers: every role but nobody reads the counts; operators and admins remove
/// an address with exactly one audit entry; viewers and nobody are refused and change nothing.
/// </summary>
public class SubscriberAccessTests(StatusPageFactory app) : IClassFixture<StatusPageFactory>
{
    private static int _serial;

    [Theory]
    [MemberData(nameof(TestActors.Roles), MemberType = typeof(TestActors))]
    public async Task Operators_and_admins_remove_a_subscriber_with_one_audit_entry_others_are_refused(string role, Actor actor)
    {
        var (subscriptions, page, email) = await ArrangeAsync();
        var lastEntry = await app.WithDbAsync(db => db.AuditLog.MaxAsync(e => (long?)e.Id)) ?? 0;

        if (role is "viewer" or "nobody")
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => subscriptions.RemoveAsync(actor, page, email, default));
            Assert.Equal(Permissions.ServiceMonitorsWrite, refused.Permission);
            Assert.Equal(1, await app.WithDbAsync(db => db.StatusPageSubscribers.CountAsync(s => s.StatusPageId == page)));
            Assert.Equal(0, await app.WithDbAsync(d => d.AuditLog.CountAsync(e => e.Id > lastEntry)));
            return;
        }

        var removed = await subscriptions.RemoveAsync(actor, page, email.ToUpperInvariant(), default);
        Assert.Equal(SubscriptionOutcome.Done, removed.Outcome);
        Assert.Equal(0, await app.WithDbAsync(db => db.StatusPageSubscribers.CountAsync(s => s.StatusPageId == page)));
        var entry = Assert.Single(await app.WithDbAsync(d => d.AuditLog.AsNoTracking().Where(e => e.Id > lastEntry).ToListAsync()));
        Assert.Equal((actor.Name, AuditActions.StatusPageSubscriberRemove), (entry.Actor, entry.Action));
        Assert.StartsWith($"status page #{page} ", entry.Target);
        Assert.Contains(email, entry.Detail);
    }

    [Theory]
    [MemberData(nameof(TestActors.Roles), MemberType = typeof(TestActors))]
    public async Task Every_role_but_nobody_reads_the_counts(string role, Actor actor)
    {
        var (subscriptions, page, _) = await ArrangeAsync();
        if (role == "nobody")
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => subscriptions.CountsAsync(actor, page, default));
            Assert.Equal(Permissions.ServiceMonitorsRead, refused.Permission);
            return;
        }
        Assert.Equal(new SubscriberCounts(0, 1), await subscriptions.CountsAsync(actor, page, default));
    }

    private async Task<(SubscriptionService Subscriptions, int Page, string Email)> ArrangeAsync()
    {
        var subscriptions = app.Services.GetRequiredService<SubscriptionService>();
        var page = await app.AddPageAsync(true, null, ("S", []));
        var email = $"reader{Interlocked.Increment(ref _serial)}@example.test";
        Assert.Equal(SubscriptionOutcome.Done, (await subscriptions.SubscribeAsync(page.Slug, email, "en", default)).Outcome);
        return (subscriptions, page.Id, email);
    }
}
