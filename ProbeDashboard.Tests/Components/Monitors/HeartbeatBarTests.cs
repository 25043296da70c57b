using Bunit;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Monitors.Heartbeat;

namespace ProbeDashboard.Tests.Components.Monitors;

public class HeartbeatBarTests : ComponentTest
{
    private static readonly DateTime Start = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);

    private static HeartbeatRound Round(int i, HeartbeatState state, params HeartbeatResult[] results) =>
        new(Start.AddSeconds(30 * i), state, state == HeartbeatState.Down ? null : 120, results.Length > 0 ? results : [new HeartbeatResult("probe-a", state != HeartbeatState.Down, 120, null)]);

    [Fact]
    public void A_full_bar_is_one_image_whose_label_counts_up_and_down_rounds()
    {
        var rounds = Enumerable.Range(0, 50).Select(i => Round(i, i is 10 or 40 ? HeartbeatState.Down : HeartbeatState.Up)).ToList();

        var bar = Ctx.Render<HeartbeatBar>(p => p.Add(b => b.Rounds, rounds).Add(b => b.Count, 50));

        var image = Assert.Single(bar.FindAll("[role=img]"));
        Assert.Equal("Last 50 rounds: 48 up, 2 down", image.GetAttribute("aria-label"));
        Assert.Equal(50, bar.FindAll(".hb-tick").Count);
        Assert.Equal(2, bar.FindAll(".hb-tick.hb-down").Count);
        Assert.Equal(48, bar.FindAll(".hb-tick.hb-up").Count);
        // Oldest left: the eleventh tick is the first failure.
        Assert.Contains("hb-down", bar.FindAll(".hb-tick")[10].ClassName);
    }

    [Fact]
    public void A_young_monitor_gets_grey_ticks_first_and_slow_rounds_are_counted_apart()
    {
        var rounds = new[] { Round(0, HeartbeatState.Up), Round(1, HeartbeatState.Slow), Round(2, HeartbeatState.Down) };

        var bar = Ctx.Render<HeartbeatBar>(p => p.Add(b => b.Rounds, rounds).Add(b => b.Count, 100));

        Assert.Equal("Last 100 rounds: 1 up, 1 down, 1 slow, 97 without data", bar.Find("[role=img]").GetAttribute("aria-label"));
        var ticks = bar.FindAll(".hb-tick");
        Assert.Equal(100, ticks.Count);
        Assert.All(ticks.Take(97), t => Assert.Contains("hb-none", t.ClassName));
        Assert.Equal(["hb-up", "hb-slow", "hb-down"], ticks.Skip(97).Select(t => t.ClassList.Single(c => c != "hb-tick")));
    }

    [Fact]
    public void Only_the_newest_rounds_are_drawn_when_more_come_than_fit()
    {
        var rounds = Enumerable.Range(0, 60).Select(i => Round(i, i < 10 ? HeartbeatState.Down : HeartbeatState.Up)).ToList();

        var bar = Ctx.Render<HeartbeatBar>(p => p.Add(b => b.Rounds, rounds).Add(b => b.Count, 50));

        Assert.Equal("Last 50 rounds: 50 up, 0 down", bar.Find("[role=img]").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_ticks_tooltip_names_the_time_state_latency_and_each_hosts_result()
    {
        var round = Round(0, HeartbeatState.Down, new HeartbeatResult("probe-a", true, 95.4, null), new HeartbeatResult("probe-b", false, 0, "connection refused"));

        var bar = Ctx.Render<HeartbeatBar>(p => p.Add(b => b.Rounds, [round]).Add(b => b.Count, 1));

        var title = bar.Find(".hb-tick").GetAttribute("title")!;
        Assert.Contains("Down", title);
        Assert.Contains("probe-a: 95", title);
        Assert.Contains("probe-b: connection refused", title);
        Assert.Contains("2026", title);
    }

    [Fact]
    public void The_label_speaks_chinese_when_the_ui_does()
    {
        UseCulture("zh-Hans");
        var rounds = Enumerable.Range(0, 50).Select(i => Round(i, i == 0 ? HeartbeatState.Down : HeartbeatState.Up)).ToList();

        var bar = Ctx.Render<HeartbeatBar>(p => p.Add(b => b.Rounds, rounds).Add(b => b.Count, 50));

        Assert.Equal("最近 50 轮：49 轮正常，1 轮故障", bar.Find("[role=img]").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_refresh_with_the_same_rounds_read_afresh_is_not_drawn_again_but_a_new_round_is()
    {
        List<HeartbeatRound> Read(int rounds) => [.. Enumerable.Range(0, rounds).Select(i => Round(i, i == 3 ? HeartbeatState.Down : HeartbeatState.Up))];
        var bar = Ctx.Render<HeartbeatBar>(p => p.Add(b => b.Rounds, Read(5)).Add(b => b.Count, 50));
        bar.Render(p => p.Add(b => b.Rounds, Read(5)));
        var renders = bar.RenderCount;

        // A live refresh of the list hands every row equal rounds in new objects: nothing to format again.
        bar.Render(p => p.Add(b => b.Rounds, Read(5)));
        Assert.Equal(renders, bar.RenderCount);

        // A round that came in, or an existing round that changed (a second host reported), is drawn.
        bar.Render(p => p.Add(b => b.Rounds, Read(6)));
        Assert.Equal("Last 50 rounds: 5 up, 1 down, 44 without data", bar.Find("[role=img]").GetAttribute("aria-label"));
        var changed = Read(6);
        changed[5] = changed[5] with { State = HeartbeatState.Down, LatencyMs = null };
        bar.Render(p => p.Add(b => b.Rounds, changed));
        Assert.Equal("Last 50 rounds: 4 up, 2 down, 44 without data", bar.Find("[role=img]").GetAttribute("aria-label"));
    }
}
