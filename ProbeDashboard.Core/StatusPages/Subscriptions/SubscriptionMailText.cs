using ProbeDashboard.Core.StatusPages.Incidents;

namespace ProbeDashboard.Core.StatusPages.Subscriptions;

/// <summary>
/// The words of subscription mails in the two languages a page is read in. Here rather than in the host's resx:
/// Core composes the mails (inside the transaction that causes them) and never references the host.
/// </summary>
internal static class SubscriptionMailText
{
    public static string ConfirmSubject(string lang, string page) => Zh(lang) ? $"请确认订阅：{page}" : $"Confirm your subscription to {page}";

    public static string ConfirmBody(string lang, string page, string link, int hours) => Zh(lang)
        ? $"有人（希望是您）请求用此地址接收“{page}”的状态通知。\n\n请在 {hours} 小时内点击以下链接确认：\n{link}\n\n如果不是您本人，请忽略此邮件：未经确认，我们不会再发送任何邮件。\n"
        : $"Someone (hopefully you) asked to receive status updates for \"{page}\" at this address.\n\nConfirm within {hours} hours by opening this link:\n{link}\n\nIf it was not you, ignore this mail: nothing more is sent unless the address is confirmed.\n";

    public static string IncidentSubject(string lang, string page, string title, IncidentStatus status, bool isNew) => Zh(lang)
        ? $"[{page}] {(isNew ? "新事件" : "事件更新")}：{title}（{Status(lang, status)}）"
        : $"[{page}] {(isNew ? "New incident" : "Incident update")}: {title} ({Status(lang, status)})";

    public static string IncidentBody(string lang, string title, IncidentStatus status, string text) =>
        $"{title}\n{(Zh(lang) ? "状态" : "Status")}: {Status(lang, status)}\n\n{text}\n";

    public static string ChangeSubject(string lang, string page, IReadOnlyList<(string Name, bool Down)> changes)
    {
        var names = string.Join(", ", changes.Select(c => c.Name));
        var allDown = changes.All(c => c.Down);
        var allUp = changes.All(c => !c.Down);
        return Zh(lang)
            ? $"[{page}] {(allDown ? "服务中断" : allUp ? "服务已恢复" : "服务状态变化")}：{names}"
            : $"[{page}] {(allDown ? "Outage" : allUp ? "Recovered" : "Status changed")}: {names}";
    }

    public static string ChangeBody(string lang, IReadOnlyList<(string Name, bool Down)> changes) =>
        string.Join("\n", changes.Select(c => Zh(lang)
            ? $"{c.Name}：{(c.Down ? "中断" : "已恢复")}"
            : $"{c.Name}: {(c.Down ? "down" : "recovered")}")) + "\n";

    public static string Footer(string lang, string page, string pageLink, string unsubscribeLink) => Zh(lang)
        ? $"\n--\n状态页：{pageLink}\n您收到此邮件是因为订阅了“{page}”。一键退订：{unsubscribeLink}\n"
        : $"\n--\nStatus page: {pageLink}\nYou get this mail because you subscribed to \"{page}\". Unsubscribe with one click: {unsubscribeLink}\n";

    private static string Status(string lang, IncidentStatus status) => (Zh(lang), status) switch
    {
        (true, IncidentStatus.Investigating) => "调查中",
        (true, IncidentStatus.Identified) => "已查明原因",
        (true, IncidentStatus.Monitoring) => "观察中",
        (true, IncidentStatus.Resolved) => "已解决",
        (_, IncidentStatus.Investigating) => "Investigating",
        (_, IncidentStatus.Identified) => "Identified",
        (_, IncidentStatus.Monitoring) => "Monitoring",
        _ => "Resolved",
    };

    private static bool Zh(string lang) => lang == SubscriptionLanguages.SimplifiedChinese;
}
