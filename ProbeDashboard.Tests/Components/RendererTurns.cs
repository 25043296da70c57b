using Bunit;
using Microsoft.AspNetCore.Components;

namespace ProbeDashboard.Tests.Components;

/// <summary>
/// Finds an element and fires its event in one turn of the renderer. On a busy machine a component may re-render
/// between a Find and its Click or Change (a live event arriving, a popover opening, a save returning); the handler
/// found is then gone and bUnit throws. Every interaction in the component tests goes through these.
/// </summary>
public static class RendererTurns
{
    /// <summary>Runs <paramref name="interaction"/> on the renderer's dispatcher and waits for it to be dispatched.</summary>
    public static void OnRenderer<T>(this IRenderedComponent<T> cut, Action interaction) where T : IComponent =>
        cut.InvokeAsync(interaction).GetAwaiter().GetResult();

    /// <summary>Clicks the button whose text (or aria-label) is <paramref name="name"/>.</summary>
    public static void Press<T>(this IRenderedComponent<T> cut, string name) where T : IComponent =>
        cut.OnRenderer(() => cut.Button(name).Click());

    /// <summary>Types <paramref name="value"/> into the field labelled <paramref name="label"/>.</summary>
    public static void Fill<T>(this IRenderedComponent<T> cut, string label, string value) where T : IComponent =>
        cut.OnRenderer(() => cut.Field(label).Change(value));
}
