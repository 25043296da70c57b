using AngleSharp.Dom;
using Bunit;

namespace ProbeDashboard.Tests.Components;

/// <summary>Finds MudBlazor inputs and buttons the way a user names them: by their label or text.</summary>
public static class MudFields
{
    /// <summary>The input (or textarea) whose label reads <paramref name="label"/>.</summary>

    public static IElement Field<T>(this IRenderedComponent<T> cut, string label) where T : Microsoft.AspNetCore.Components.IComponent =>
        Field(cut.FindAll("*"), label);

    private static IElement Field(IEnumerable<IElement> all, string label)
    {
        var elements = all.ToList();
        var byLabel = elements.Where(e => e.TagName == "LABEL" && e.TextContent.Trim() == label)
            .Select(l => l.GetAttribute("for")).Where(id => !string.IsNullOrEmpty(id))
            .Select(id => elements.FirstOrDefault(e => e.Id == id)).FirstOrDefault(e => e is not null);
        return byLabel ?? elements.FirstOrDefault(e => e.GetAttribute("aria-label") == label && e.TagName is "INPUT" or "TEXTAREA")
            ?? throw new InvalidOperationException($"No field labelled '{label}'.");
    }

    /// <summary>The button whose text (or aria-label) is <paramref name="name"/>.</summary>
    public static IElement Button<T>(this IRenderedComponent<T> cut, string name) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll("button").FirstOrDefault(b => b.GetAttribute("aria-label") == name)
        ?? cut.FindAll("button").FirstOrDefault(b => b.TextContent.Trim() == name)
        ?? throw new InvalidOperationException($"No button '{name}'.");
}
