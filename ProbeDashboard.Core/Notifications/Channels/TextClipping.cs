namespace ProbeDashboard.Core.Notifications.Channels;

public static class TextClipping
{
    /// <summary>Cuts text to a service's documented limit with an ellipsis, since over-long fields make the whole request fail.</summary>
    public static string Clip(this string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
