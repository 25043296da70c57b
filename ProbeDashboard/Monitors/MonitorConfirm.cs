using Microsoft.Extensions.Localization;
using MudBlazor;
using ProbeDashboard.Resources;

namespace ProbeDashboard.Monitors;

/// <summary>The question asked before a monitor is deleted, from the list and from its page alike.</summary>
public static class MonitorConfirm
{
    public static async Task<bool> DeleteAsync(IDialogService dialogs, IStringLocalizer<UiText> text, string name)
    {
        var answer = await dialogs.ShowMessageBoxAsync(
            new MessageBoxOptions { Title = text["DeleteConfirmTitle"], Message = text["DeleteConfirmText", name], YesText = text["Delete"], CancelText = text["Cancel"] },
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, CloseOnEscapeKey = true });
        return answer == true;
    }
}
