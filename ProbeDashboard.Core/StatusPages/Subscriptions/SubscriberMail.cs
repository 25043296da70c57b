using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.StatusPages.Subscriptions;

/// <summary>
/// Turns subscription mails into outbox entries (retried by the dispatcher, kept across restarts). Every mail to a
/// confirmed subscriber ends with its one-click unsubscribe link and carries it as <c>List-Unsubscribe</c> (with
/// RFC 8058's one-click POST), so mail clients offer it too.
/// </summary>
public sealed class SubscriberMail(DashboardAddress dashboard, SecretProtector secrets, NotificationSignal signal)
{
    public string PageLink(string slug) => $"{dashboard.Url}/status/{Uri.EscapeDataString(slug)}";

    public string ConfirmLink(string slug, string token) => $"{PageLink(slug)}/confirm?token={token}";

    public string UnsubscribeLink(string slug, string token) => $"{PageLink(slug)}/unsubscribe?token={token}";

    public NotificationOutboxEntry Confirmation(StatusPage page, StatusPageSubscriber subscriber, string token, DateTime now) =>
        Entry(subscriber.Email, SubscriptionMailText.ConfirmSubject(subscriber.Language, page.Title),
            SubscriptionMailText.ConfirmBody(subscriber.Language, page.Title, ConfirmLink(page.Slug, token), (int)SubscriptionService.ConfirmLifetime.TotalHours),
            headers: null, now);

    /// <summary>
    /// Queues one mail per confirmed subscriber of a published page into <paramref name="db"/> (saved with the
    /// caller's change); <paramref name="compose"/> gives subject and body in a language.
    /// </summary>
    /// <returns>How many mails were queued.</returns>
    public async Task<int> QueueToSubscribersAsync(ProbeDbContext db, int pageId, Func<StatusPage, string, (string Subject, string Body)> compose,
        DateTime now, CancellationToken cancellationToken)
    {
        var page = await db.StatusPages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pageId && p.Published, cancellationToken);
        if (page is null) return 0;
        var subscribers = await db.StatusPageSubscribers.AsNoTracking()
            .Where(s => s.StatusPageId == pageId && s.ConfirmedAt != null).ToListAsync(cancellationToken);
        var byLanguage = subscribers.Select(s => s.Language).Distinct().ToDictionary(l => l, l => compose(page, l));
        foreach (var subscriber in subscribers)
        {
            var (subject, body) = byLanguage[subscriber.Language];
            var unsubscribe = UnsubscribeLink(page.Slug, secrets.Unprotect(subscriber.ProtectedUnsubscribeToken));
            var footer = SubscriptionMailText.Footer(subscriber.Language, page.Title, PageLink(page.Slug), unsubscribe);
            db.NotificationOutbox.Add(Entry(subscriber.Email, subject, body + footer, UnsubscribeHeaders(unsubscribe), now));
        }
        return subscribers.Count;
    }

    /// <summary>After the commit: the dispatcher sends at once instead of at its next poll.</summary>
    public void WakeDispatcher() => signal.Notify();

    public string Protect(string token) => secrets.Protect(token);

    private static string UnsubscribeHeaders(string link) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["List-Unsubscribe"] = $"<{link}>",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
    });

    private static NotificationOutboxEntry Entry(string address, string subject, string body, string? headers, DateTime now) => new()
    {
        Purpose = NotificationPurpose.StatusPageSubscription,
        Channel = NotificationChannelKind.Email,
        Address = address,
        Subject = subject,
        Body = body,
        HeadersJson = headers,
        NextAttemptAt = now,
        CreatedAt = now,
    };
}
