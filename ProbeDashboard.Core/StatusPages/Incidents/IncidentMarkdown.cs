using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ProbeDashboard.Core.StatusPages.Incidents;

/// <summary>
/// Incident bodies as HTML for the public page and the feed. What an operator writes reaches anonymous readers, so:
/// raw HTML is shown as text (no script, no styles), links go only to http, https and mailto and carry
/// rel="nofollow noopener", and images become plain links (no picture loads from elsewhere in a reader's browser).
/// </summary>
public static class IncidentMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseReferralLinks("nofollow", "noopener")
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.IsImage = false;
            if (!IsSafe(link.Url)) link.Url = "#";
        }
        foreach (var link in document.Descendants<AutolinkInline>())
            if (!IsSafe(link.Url)) link.Url = "#";
        return document.ToHtml(Pipeline);
    }

    /// <summary>Absolute URLs with an allowed scheme, and relative ones (no scheme: nothing can run).</summary>
    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        // Browsers drop control characters and blanks inside a scheme ("java\tscript:"), so judge the URL without them.
        var compact = new string([.. url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c))]);
        var colon = compact.IndexOf(':');
        var boundary = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (boundary >= 0 && boundary < colon)) return true;
        return SafeSchemes.Contains(compact[..colon].ToLowerInvariant());
    }
}
