using Microsoft.AspNetCore.Localization;
using ProbeDashboard.Auth;

namespace ProbeDashboard.Ui;

/// <summary>The languages the UI speaks and the endpoint that remembers the choice in the culture cookie.</summary>
public static class UiCultures
{
    public const string Default = "en";

    public sealed record Choice(string Name, string Label);

    public static readonly IReadOnlyList<Choice> Choices = [new("en", "English"), new("zh-Hans", "简体中文")];

    public static string[] Names => Choices.Select(c => c.Name).ToArray();

    public static string SwitchUrl(string culture, string returnUrl) =>
        $"culture/set?culture={Uri.EscapeDataString(culture)}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static void MapCultureSwitch(this WebApplication app)
    {
        // A GET on purpose: it only sets a preference cookie, and a full page load is what makes a Blazor
        // circuit pick up the new culture.
        app.MapGet("/culture/set", (string? culture, string? returnUrl, HttpContext context) =>
        {
            var name = Choices.Any(c => c.Name == culture) ? culture! : Default;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
            return Results.LocalRedirect(AccountEndpoints.IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
    }
}
