using Bunit;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Monitors.Dependencies;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Monitors.Dependencies;

/// <summary>The "Depends on" picker over the real Core: chosen monitors as chips by name, search to add, close to remove.</summary>
public sealed class DependsOnPickerTests : CoreComponentTest
{
    private async Task<MonitorDefinition[]> AddAsync(params string[] names)
    {
        await MigrateAsync();
        await using var db = Db();
        var monitors = names.Select(n => TestMonitors.Tcp(n, "127.0.0.1:9")).ToArray();
        db.Monitors.AddRange(monitors);
        await db.SaveChangesAsync();
        return monitors;
    }

    [Fact]
    public async Task Shows_the_chosen_monitors_by_name_adds_one_found_by_search_and_removes_one_by_its_chip()
    {
        var (uplink, router, self) = await AddAsync("uplink", "core router", "shop") switch { var m => (m[0], m[1], m[2]) };
        var popovers = RenderPopovers();
        IReadOnlyCollection<int> value = [uplink.Id];
        var cut = Ctx.Render<DependsOnPicker>(p => p.Add(c => c.Value, value).Add(c => c.MonitorId, self.Id)
            .Add(c => c.ValueChanged, v => value = v));
        cut.WaitForAssertion(() => Assert.Equal(["uplink"], cut.FindAll(".mud-chip").Select(c => c.TextContent.Trim())));

        cut.OnRenderer(() => cut.Find("input").Input("r"));
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-list-item")), TimeSpan.FromSeconds(5));
        var offered = popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim()).ToList();
        // The monitor being edited and the ones already chosen are not offered.
        Assert.Equal(["core router"], offered);
        popovers.OnRenderer(() => popovers.FindAll(".mud-list-item")[0].Click());
        cut.WaitForAssertion(() => Assert.Equal([uplink.Id, router.Id], value));

        cut.Render(p => p.Add(c => c.Value, value));
        cut.OnRenderer(() => cut.FindAll(".mud-chip-close-button")[0].Click());
        Assert.Equal([router.Id], value);
    }

    [Fact]
    public async Task Shows_the_cores_error_in_chinese()
    {
        await MigrateAsync();
        UseCulture("zh-Hans");
        var cut = Ctx.Render<DependsOnPicker>(p => p.Add(c => c.Value, []).Add(c => c.Error, "would make a cycle: a → b → a"));

        Assert.Contains("would make a cycle: a → b → a", cut.Find(".mud-input-helper-text.mud-input-error").TextContent);
        Assert.Contains("依赖于", cut.Markup);
    }
}

/// <summary>The "suppressed by" chip on alert events.</summary>
public sealed class SuppressedChipTests : ComponentTest
{
    [Fact]
    public void Names_the_parent_and_shows_nothing_for_an_event_that_is_not_suppressed()
    {
        Assert.Contains("suppressed by uplink", Ctx.Render<SuppressedChip>(p => p.Add(c => c.ParentName, "uplink")).Find(".suppressed-chip").TextContent);
        Assert.Empty(Ctx.Render<SuppressedChip>(p => p.Add(c => c.ParentName, null)).Markup.Trim());
        UseCulture("zh-Hans");
        Assert.Contains("已被 uplink 抑制", Ctx.Render<SuppressedChip>(p => p.Add(c => c.ParentName, "uplink")).Markup);
    }
}
