namespace ProbeDashboard.Resources;

/// <summary>Anchor type for the UI's text resources (UiText.resx, UiText.zh-Hans.resx).</summary>
public sealed class UiText;
