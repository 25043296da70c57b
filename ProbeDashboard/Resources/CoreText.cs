namespace ProbeDashboard.Resources;

/// <summary>
/// Anchor type for the Core's texts as the UI shows them (CoreText.resx: the English text the Core produces, with
/// {0} where it puts a value; CoreText.zh-Hans.resx: the same in Chinese). See <see cref="Ui.CoreTextTranslator"/>.
/// </summary>
public sealed class CoreText;
