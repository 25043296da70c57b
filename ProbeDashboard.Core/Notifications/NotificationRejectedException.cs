namespace ProbeDashboard.Core.Notifications;

/// <summary>
/// The receiving service refused the message for good (a 4xx other than 408 and 429: a wrong token, an unknown
/// chat): sending it again would fail the same way, so the dispatcher marks it failed at once instead of retrying.
/// </summary>
public sealed class NotificationRejectedException(string message) : Exception(message);
