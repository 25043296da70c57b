using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// Keyboard only: on every page, pressing Tab from the top reaches every visible control (links, buttons, fields,
/// and anything that calls itself a button, link, checkbox or switch), in one pass, without being trapped. A control
/// only a mouse can reach is named with its page. In every dialog, Tab reaches every control of the dialog and stays
/// inside it (the page behind is inert while the dialog is open), axe finds nothing serious in it, and Escape closes it.
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
        root => {
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
          // A dialog's title-bar "Close" is left out of its focus trap by MudBlazor; Escape and the dialog's own
          // Cancel do the same from the keyboard (the dialog walk presses Escape).
          const dialogClose = e => e.matches('.mud-dialog .mud-button-close');
          // A visually hidden input (MudBlazor's checkboxes and switches) is shown through its label.
          const visible = e => shown(e) || (e.tagName === 'INPUT' && e.closest('label') && shown(e.closest('label')));
          return [...document.querySelector(root).querySelectorAll(controls)].filter(e => visible(e) && operable(e) && !fieldAdornment(e) && !dialogClose(e))
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
            // /monitors/new opens the create dialog over the list: that dialog's walk is "Add monitor" below.
            foreach (var path in DashboardPages.Paths(saved.Monitor!.Id).Where(p => p != "/monitors/new"))
            {
                await DashboardPages.OpenAsync(page, path);
                var controls = await page.EvaluateAsync<int>("() => document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex], [role]').length");
                var (trapped, walk) = await WalkAsync(page, controls + 20);
                var unreached = await page.EvaluateAsync<string[]>(Unreached, "body");
                if (trapped) failures.Add($"{path}: focus did not come back round after {controls + 20} presses of Tab (a keyboard trap?)");
                failures.AddRange(unreached.Select(control => $"{path}: Tab never reaches {control}"));
                if (trapped || unreached.Length > 0) failures.Add($"{path}: the walk went {string.Join(" → ", walk.Take(12))} … {string.Join(" → ", walk.TakeLast(4))}");
            }
        });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public static TheoryData<string, string> Dialogs => new()
    {
        { "/monitors", "Add monitor" },
        { "/alert-rules", "Add rule" },
        { "/notification-groups", "Add group" },
        { "/escalation-policies", "Add escalation policy" },
        { "/users", "New user" },
        { "/account/api-keys", "New API key" },
    };

    [Theory]
    [MemberData(nameof(Dialogs))]
    public async Task Tab_reaches_every_control_of_a_dialog_and_stays_inside_it_and_Escape_closes_it(string path, string opener)
    {
        var page = await fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await DashboardPages.OpenAsync(page, path);
            await page.GetByRole(AriaRole.Button, new() { Name = opener, Exact = true }).First.ClickAsync();
            var dialog = page.Locator(".mud-dialog");
            await dialog.WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            // The dialog moves focus into itself one server round trip after it shows; until then focus is still on
            // the opener, and a Tab pressed at once would walk the page behind (a person's first Tab comes later).
            await page.WaitForFunctionAsync("() => !!document.activeElement?.closest('.mud-dialog')", null, new() { Timeout = 10_000 });
            var controls = await dialog.EvaluateAsync<int>("d => d.querySelectorAll('a[href], button, input, select, textarea, [tabindex], [role]').length");

            var (trapped, walk) = await WalkAsync(page, controls + 20, insideDialog: true);
            var escaped = walk.FirstOrDefault(w => w.StartsWith("outside", StringComparison.Ordinal));
            Assert.True(escaped is null, $"{path}, {opener}: Tab left the dialog for {escaped}; the walk went {string.Join(" → ", walk)}");
            Assert.False(trapped, $"{path}, {opener}: focus did not come back round after {controls + 20} presses of Tab");
            var unreached = await page.EvaluateAsync<string[]>(Unreached, ".mud-dialog");
            Assert.True(unreached.Length == 0, $"{path}, {opener}: Tab never reaches {string.Join(", ", unreached)}; the walk went {string.Join(" → ", walk)}");

            var violations = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").ToList();
            Assert.True(violations.Count == 0, $"{path}, {opener}: axe found {string.Join("; ", violations)}");

            await page.Keyboard.PressAsync("Escape");
            await Microsoft.Playwright.Assertions.Expect(dialog).ToHaveCountAsync(0);
        });
    }

    /// <summary>
    /// A dialog's focus trap has an empty focusable element at each edge; focus landing there is sent back to the
    /// dialog's first or last control by the server, one round trip later. A person's next Tab comes long after that; a
    /// test's comes at once and would walk on past the edge, so wait (a few seconds at most) for focus to be sent back.
    /// </summary>
    private static async Task LeaveFocusTrapEdgeAsync(IPage page)
    {
        for (var i = 0; i < 100 && await page.EvaluateAsync<bool>("() => !!document.activeElement?.matches('.mud-focus-trap > [tabindex=\"0\"]')"); i++)
            await Task.Delay(50);
    }

    /// <summary>
    /// Presses Tab until focus comes back to a control it already visited; true when it never does within
    /// <paramref name="limit"/> presses. The walk starts wherever the page put focus (Blazor focuses the heading after
    /// a navigation) and passes through the document itself when it wraps from the last control to the first.
    /// </summary>
    private static async Task<(bool Trapped, List<string> Path)> WalkAsync(IPage page, int limit, bool insideDialog = false)
    {
        await page.EvaluateAsync(Start);
        var path = new List<string>();
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (insideDialog) await LeaveFocusTrapEdgeAsync(page);
            if (insideDialog && await page.EvaluateAsync<bool>("() => !document.activeElement?.closest('.mud-dialog')"))
            {
                path.Add("outside " + await page.EvaluateAsync<string>("() => window.__pdKey(document.activeElement ?? document.body)"));
                return (false, path);
            }
            var where = await page.EvaluateAsync<string>(MarkFocused);
            path.Add(where);
            if (where.StartsWith("again", StringComparison.Ordinal)) return (false, path);
        }
        return (true, path);
    }
}
