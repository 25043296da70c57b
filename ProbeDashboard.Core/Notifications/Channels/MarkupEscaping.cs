using System.Net;
using System.Text;

namespace ProbeDashboard.Core.Notifications.Channels;

/// <summary>
/// Makes names typed by users (monitor, rule, target) plain text in each service's markup, so a monitor called
/// "&lt;b&gt;api&lt;/b&gt;" or "*prod*" shows as written and cannot inject links or mentions.
/// </summary>
public static class MarkupEscaping
{
    /// <summary>Telegram's HTML parse mode and Matrix's formatted_body: &lt;, &gt;, &amp; and quotes as entities.</summary>
    public static string Html(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Slack mrkdwn (and Mattermost, Rocket.Chat): Slack's documented three: &amp;, &lt;, &gt;.</summary>
    public static string Slack(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>
    /// Discord markdown: a backslash before each character that formats, quotes, links or masks text. Mentions are
    /// switched off in the payload instead (allowed_mentions), which is what Discord documents for that.
    /// </summary>
    public static string Discord(string text) => Backslashed(text, "\\*_~`|>#[]()");

    /// <summary>
    /// Microsoft Teams' Adaptive Card markdown (bold, italic, lists, links): CommonMark backslash escapes before each
    /// character that starts one of them. Teams documents no escape of its own; its renderers follow CommonMark here.
    /// </summary>
    public static string Teams(string text) => Backslashed(text, "\\*_~`>#[]()|");

    /// <summary>The escaping of values in a message template for one kind of recipient; plain text kinds need none.</summary>
    public static Func<string, string> For(NotificationChannelKind kind) => kind switch
    {
        NotificationChannelKind.Slack => Slack,
        NotificationChannelKind.Discord => Discord,
        NotificationChannelKind.Teams => Teams,
        NotificationChannelKind.Telegram => Html,
        _ => text => text,
    };

    private static string Backslashed(string text, string special)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (special.Contains(c)) escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
