using Microsoft.Extensions.Localization;
using ProbeDashboard.Resources;
using ProbeDashboard.Ui;

namespace ProbeDashboard.Audit;

/// <summary>
/// The audit log in the UI's language. The log itself stays in English (it is evidence, and the API returns it as
/// written); the page translates when it shows it: action names by their UiText key <c>AuditAction_&lt;action&gt;</c>,
/// details part by part ("; " separates the changes of one entry) and targets through the Audit* patterns of
/// CoreText.resx. Anything without a pattern (a user's name, a condition) is shown as stored.
/// </summary>
public static class AuditText
{
    public static string Action(IStringLocalizer<UiText> l, string action) => l["AuditAction_" + action] is { ResourceNotFound: false } text ? text.Value : action;

    public static string Detail(string? detail) =>
        string.IsNullOrEmpty(detail) ? "" : string.Join("; ", detail.Split("; ").Select(CoreTextTranslator.Audit.Translate));

    public static string Target(string? target) => CoreTextTranslator.Audit.Translate(target);
}
