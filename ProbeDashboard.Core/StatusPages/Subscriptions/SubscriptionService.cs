using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications.Email;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.StatusPages.Subscriptions;

public enum SubscriptionOutcome { Done, Invalid, PageNotFound, UnknownToken }

/// <param name="PageTitle">The page's title, for the answer page; null when the page is unknown.</param>
public sealed record SubscriptionResult(SubscriptionOutcome Outcome, string? PageTitle = null, string? Error = null);

/// <param name="Confirmed">Subscribers who followed the confirmation link: they get mail.</param>
/// <param name="Pending">Subscribers whose confirmation link has not been followed and has not expired yet.</param>
public sealed record SubscriberCounts(int Confirmed, int Pending);

/// <summary>
/// E-mail subscriptions to status pages. The public side (subscribe, confirm, unsubscribe) has no actor: the link's
/// token is the proof, and a subscribe answers the same whether the address is new, pending or confirmed, so the
/// form cannot be used to learn who subscribed. The admin side (counts, removing an address) is page administration:
/// service_monitors:read / :write, removal audited.
/// </summary>
public sealed class SubscriptionService(IDbContextFactory<ProbeDbContext> dbFactory, SubscriberMail mail, TimeProvider time, IAuditLog audit)
{
    public const int MaxEmailLength = 254;
    /// <summary>How long a confirmation link works.</summary>
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromHours(48);
    /// <summary>At most one confirmation mail per address and page in this time, however often the form is sent.</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Records the address as pending and queues the confirmation mail; for a confirmed address, or one that got a
    /// confirmation mail less than <see cref="ResendAfter"/> ago, it does nothing, with the same answer.
    /// </summary>
    public async Task<SubscriptionResult> SubscribeAsync(string slug, string? email, string language, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var page = await db.StatusPages.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug && p.Published, cancellationToken);
        if (page is null) return new SubscriptionResult(SubscriptionOutcome.PageNotFound);
        var address = email?.Trim().ToLowerInvariant();
        if (address is null || address.Length > MaxEmailLength || !EmailAddressSyntax.IsValid(address))
            return new SubscriptionResult(SubscriptionOutcome.Invalid, page.Title, "Enter an e-mail address such as name@example.com.");

        var now = time.GetUtcNow().UtcDateTime;
        var subscriber = await db.StatusPageSubscribers.SingleOrDefaultAsync(s => s.StatusPageId == page.Id && s.Email == address, cancellationToken);
        if (subscriber is { Confirmed: true } || subscriber?.ConfirmSentAt > now - ResendAfter)
            return new SubscriptionResult(SubscriptionOutcome.Done, page.Title);
        if (subscriber is null)
        {
            var unsubscribe = SubscriptionTokens.New();
            subscriber = new StatusPageSubscriber
            {
                StatusPageId = page.Id, Email = address, CreatedAt = now,
                UnsubscribeTokenHash = SubscriptionTokens.Hash(unsubscribe), ProtectedUnsubscribeToken = mail.Protect(unsubscribe),
            };
            db.StatusPageSubscribers.Add(subscriber);
        }
        var token = SubscriptionTokens.New();
        subscriber.Language = SubscriptionLanguages.For(language);
        subscriber.ConfirmTokenHash = SubscriptionTokens.Hash(token);
        subscriber.ConfirmExpiresAt = now + ConfirmLifetime;
        subscriber.ConfirmSentAt = now;
        db.NotificationOutbox.Add(mail.Confirmation(page, subscriber, token, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same address sent twice at once: the other request made the subscriber; the answer is the same.
            return new SubscriptionResult(SubscriptionOutcome.Done, page.Title);
        }
        mail.WakeDispatcher();
        return new SubscriptionResult(SubscriptionOutcome.Done, page.Title);
    }

    /// <returns>Done, or UnknownToken when the link is unknown, already used, expired or of another page.</returns>
    public async Task<SubscriptionResult> ConfirmAsync(string slug, string? token, CancellationToken cancellationToken)
    {
        if (!SubscriptionTokens.LooksValid(token)) return new SubscriptionResult(SubscriptionOutcome.UnknownToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = SubscriptionTokens.Hash(token!);
        var now = time.GetUtcNow().UtcDateTime;
        var found = await (from s in db.StatusPageSubscribers
                           join p in db.StatusPages on s.StatusPageId equals p.Id
                           where s.ConfirmTokenHash == hash && p.Slug == slug
                           select new { Subscriber = s, p.Title }).SingleOrDefaultAsync(cancellationToken);
        if (found is null || found.Subscriber.ConfirmExpiresAt <= now) return new SubscriptionResult(SubscriptionOutcome.UnknownToken);
        found.Subscriber.ConfirmedAt = now;
        found.Subscriber.ConfirmTokenHash = null;
        found.Subscriber.ConfirmExpiresAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return new SubscriptionResult(SubscriptionOutcome.Done, found.Title);
    }

    /// <returns>Done (the subscriber is gone), or UnknownToken (never was, or already unsubscribed).</returns>
    public async Task<SubscriptionResult> UnsubscribeAsync(string slug, string? token, CancellationToken cancellationToken)
    {
        if (!SubscriptionTokens.LooksValid(token)) return new SubscriptionResult(SubscriptionOutcome.UnknownToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = SubscriptionTokens.Hash(token!);
        var found = await (from s in db.StatusPageSubscribers
                           join p in db.StatusPages on s.StatusPageId equals p.Id
                           where s.UnsubscribeTokenHash == hash && p.Slug == slug
                           select new { Subscriber = s, p.Title }).SingleOrDefaultAsync(cancellationToken);
        if (found is null) return new SubscriptionResult(SubscriptionOutcome.UnknownToken);
        db.StatusPageSubscribers.Remove(found.Subscriber);
        await db.SaveChangesAsync(cancellationToken);
        return new SubscriptionResult(SubscriptionOutcome.Done, found.Title);
    }

    /// <returns>The page's subscriber counts, or null when there is no such page.</returns>
    public async Task<SubscriberCounts?> CountsAsync(Actor actor, int pageId, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.StatusPages.AnyAsync(p => p.Id == pageId, cancellationToken)) return null;
        var now = time.GetUtcNow().UtcDateTime;
        var subscribers = db.StatusPageSubscribers.Where(s => s.StatusPageId == pageId);
        return new SubscriberCounts(
            await subscribers.CountAsync(s => s.ConfirmedAt != null, cancellationToken),
            await subscribers.CountAsync(s => s.ConfirmedAt == null && s.ConfirmExpiresAt > now, cancellationToken));
    }

    /// <summary>Removes an address from a page (a reader asked by other means, or it bounces), with an audit entry.</summary>
    /// <returns>Done, PageNotFound, or UnknownToken when the address is not subscribed to the page.</returns>
    public async Task<SubscriptionResult> RemoveAsync(Actor actor, int pageId, string? email, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var page = await db.StatusPages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pageId, cancellationToken);
        if (page is null) return new SubscriptionResult(SubscriptionOutcome.PageNotFound);
        var address = email?.Trim().ToLowerInvariant() ?? "";
        var subscriber = await db.StatusPageSubscribers.SingleOrDefaultAsync(s => s.StatusPageId == pageId && s.Email == address, cancellationToken);
        if (subscriber is null) return new SubscriptionResult(SubscriptionOutcome.UnknownToken, page.Title);
        db.StatusPageSubscribers.Remove(subscriber);
        audit.Add(db, actor, AuditActions.StatusPageSubscriberRemove, $"status page #{page.Id} {page.Slug}",
            $"{address} ({(subscriber.Confirmed ? "confirmed" : "pending")})");
        await db.SaveChangesAsync(cancellationToken);
        return new SubscriptionResult(SubscriptionOutcome.Done, page.Title);
    }
}
