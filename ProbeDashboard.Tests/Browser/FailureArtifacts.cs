using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace ProbeDashboard.Tests.Browser;

/// <summary>Keeps a screenshot and the page's HTML under the test output when a browser step fails.</summary>
public static class FailureArtifacts
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "browser-artifacts");

    public static async Task RunAsync(IPage page, Func<Task> steps, [CallerMemberName] string test = "")
    {
        try
        {
            await steps();
        }
        catch
        {
            await SaveAsync(page, test);
            throw;
        }
    }

    public static async Task SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var stem = Path.Combine(Directory, $"{name}-{DateTime.UtcNow:HHmmss}");
        try
        {
            await page.ScreenshotAsync(new() { Path = stem + ".png", FullPage = true });
            await File.WriteAllTextAsync(stem + ".html", await page.ContentAsync());
        }
        catch (PlaywrightException)
        {
            // The page itself may be what broke; the original failure matters more than the artefact.
        }
    }
}
