using ProbeDashboard.Ui;

namespace ProbeDashboard.Alerts;

/// <summary>The Core's field errors (keyed by the API's wire names) as a MudBlazor field shows them, in the UI's language.</summary>
public static class FieldErrorText
{
    /// <returns>The field's messages joined, or null when it has none.</returns>
    public static string? Of(IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.TryGetValue(field, out var messages) && messages.Length > 0
            ? string.Join(" ", messages.Select(CoreTextTranslator.Shared.Translate))
            : null;

    public static bool Has(IReadOnlyDictionary<string, string[]> errors, string field) => Of(errors, field) is not null;
}
