using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// Keyboard only: on every page, pressing Tab from the top reaches every visible control (links, buttons, fields,
/// and anything that calls itself a button, link, checkbox or switch), in one pass, without being trapped. A control
/// only a mouse can reach is named with its page.
/// </summary>
[Trait("Category", "Browser")]
public class KeyboardWalkTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // Marks what holds focus now, and answers whether it was reached before (the walk has come back round).
    private const string MarkFocused = """
        () => {
          const reached = window.__pdReached ??= new Set();
          const active = document.activeElement;
          if (!active || active === document.body) return 'body';
          // Tab moves between the parts of a date-time field without leaving it.
          if (active === window.__pdLast) return 'same';
          window.__pdLast = active;
          const key = window.__pdKey(active);
          const again = window.__pdVisited.has(active);
          window.__pdVisited.add(active);
          reached.add(key);
          return (again ? 'again ' : 'new ') + key;
        }
        """;

    // Visible, enabled controls a user could operate; roving-tabindex items (tabs, options, menu items) are reached by
    // arrow keys and are left out unless they are in the tab order themselves.
    private const string Unreached = """
        () => {
          const reached = window.__pdReached ?? new Set();
          const controls = 'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"]),'
            + ' [role=button], [role=link], [role=checkbox], [role=switch]';
          const shown = e => {
            // checkVisibility also hides what a closed <details> holds.
            const box = e.getBoundingClientRect();
            return box.width > 0 && box.height > 0 && e.checkVisibility({ visibilityProperty: true });
          };
          const operable = e => !e.matches(':disabled, [aria-disabled=true]') && !e.closest('[inert], [aria-hidden=true], #blazor-error-ui');
          // A field's own buttons (a picker's "Open", a number's steps) are left out of the tab order on purpose: the
          // field itself is reached, and opens or steps with the keyboard.
          const fieldAdornment = e => e.getAttribute('tabindex') === '-1' && e.closest('.mud-input-control');
          // A visually hidden input (MudBlazor's checkboxes and switches) is shown through its label.
          const visible = e => shown(e) || (e.tagName === 'INPUT' && e.closest('label') && shown(e.closest('label')));
          return [...document.querySelectorAll(controls)].filter(e => visible(e) && operable(e) && !fieldAdornment(e))
            .map(window.__pdKey).filter(key => !reached.has(key));
        }
        """;

    // The walk ends when focus comes back to a node it visited; coverage is counted by what a user sees (kind, role,
    // name, link), not by node, because a live page re-renders rows while the walk goes on.
    private const string Start = """
        () => {
          window.__pdReached = new Set();
          window.__pdVisited = new Set();
          window.__pdLast = null;
          window.__pdKey = e => {
            const name = (e.getAttribute('aria-label') || e.textContent || e.getAttribute('placeholder') || e.id || '').trim().replace(/\s+/g, ' ').slice(0, 40);
            const role = e.getAttribute('role') ? `[role=${e.getAttribute('role')}]` : '';
            const href = e.getAttribute('href') ? ` → ${e.getAttribute('href')}` : '';
            return `${e.tagName.toLowerCase()}${role} "${name}"${href}`;
          };
        }
        """;

    [Fact]
    public async Task Tab_reaches_every_control_on_every_page()
    {
        var saved = await fixture.App.Services.GetRequiredService<MonitorService>().CreateAsync(Actor.System, new MonitorInput
        {
            Name = "keyboard walk", Type = (int)MonitorKind.Http, Target = "http://127.0.0.1:9/", Duration = 60,
        }, "test", CancellationToken.None);
        var page = await fixture.NewSignedInPageAsync();

        var failures = new List<string>();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            foreach (var path in DashboardPages.Paths(saved.Monitor!.Id))
            {
                await DashboardPages.OpenAsync(page, path);
                var controls = await page.EvaluateAsync<int>("() => document.querySelectorAll('a[href], button, input, select, textarea, [tabindex], [role]').length");
                var (trapped, walk) = await WalkAsync(page, controls + 20);
                var unreached = await page.EvaluateAsync<string[]>(Unreached);
                if (trapped) failures.Add($"{path}: focus did not come back round after {controls + 20} presses of Tab (a keyboard trap?)");
                failures.AddRange(unreached.Select(control => $"{path}: Tab never reaches {control}"));
                if (trapped || unreached.Length > 0) failures.Add($"{path}: the walk went {string.Join(" → ", walk.Take(12))} … {string.Join(" → ", walk.TakeLast(4))}");
            }
        });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Presses Tab until focus comes back to a control it already visited; true when it never does within
    /// <paramref name="limit"/> presses. The walk starts wherever the page put focus (Blazor focuses the heading after
    /// a navigation) and passes through the document itself when it wraps from the last control to the first.
    /// </summary>
    private static async Task<(bool Trapped, List<string> Path)> WalkAsync(IPage page, int limit)
    {
        await page.EvaluateAsync(Start);
        var path = new List<string>();
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var where = await page.EvaluateAsync<string>(MarkFocused);
            path.Add(where);
            if (where.StartsWith("again", StringComparison.Ordinal)) return (false, path);
        }
        return (true, path);
    }
}
