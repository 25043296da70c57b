using Microsoft.JSInterop;

namespace ProbeDashboard.Ui.Theme;

/// <summary>
/// The circuit's light/dark choice. It starts from the browser's cookie, which App reads on the first request and
/// hands to the interactive root (the circuit itself has no request to read it from), so the first render already
/// has the right theme; the switch changes it for every component of the circuit at once and remembers it.
/// </summary>
public sealed class ThemeState
{
    public bool IsDark { get; private set; }

    public event Action? Changed;

    /// <summary>Called once by the root component with what the request's cookie said.</summary>
    public void Start(bool dark) => IsDark = dark;

    public async Task SetDarkAsync(bool dark, IJSRuntime js)
    {
        IsDark = dark;
        Changed?.Invoke();
        await js.InvokeVoidAsync("probeDashboard.remember", ThemePreference.CookieName, dark ? ThemePreference.Dark : ThemePreference.Light);
    }
}
