using Bunit;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Monitors;
using ProbeDashboard.Monitors.Kinds;

namespace ProbeDashboard.Tests.Components.Monitors.Kinds;

/// <summary>Flap control in the monitor form: retry interval and upside down, what they edit, and the Core's errors.</summary>
public class FlapFieldsTests : ComponentTest
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private IRenderedComponent<FlapFields> Render(MonitorFormModel model, IReadOnlyDictionary<string, string[]>? errors = null) =>
        Ctx.Render<FlapFields>(p => p.Add(c => c.Model, model).Add(c => c.Errors, errors ?? NoErrors));

    [Fact]
    public void Edits_the_retry_interval_and_turns_the_monitor_upside_down()
    {
        var model = new MonitorFormModel { Kind = MonitorKind.Tcp, Target = "127.0.0.1:9", IntervalSeconds = 60 };
        var cut = Render(model);
        // Empty shows the interval it falls back to.
        Assert.Equal("60", cut.Field("Retry interval (s)").GetAttribute("placeholder"));

        cut.Fill("Retry interval (s)", "15");
        cut.OnRenderer(() => cut.Find(".switch-field input[type=checkbox]").Change(true));

        var input = model.ToInput();
        Assert.Equal((15, true), (input.RetryInterval, input.UpsideDown));
    }

    [Fact]
    public void Editing_a_stored_monitor_starts_from_its_settings_and_a_push_monitor_sends_neither()
    {
        var model = MonitorFormModel.From(new MonitorDefinition { Kind = MonitorKind.Tcp, Target = "db:5432", RetryIntervalSeconds = 20, UpsideDown = true });
        Assert.Equal("20", Render(model).Field("Retry interval (s)").GetAttribute("value"));

        model.Kind = MonitorKind.Push;
        var input = model.ToInput();
        Assert.Equal((null, false), (input.RetryInterval, input.UpsideDown));
    }

    [Fact]
    public void The_cores_error_shows_under_the_retry_interval_in_chinese_too()
    {
        UseCulture("zh-Hans");
        var errors = new Dictionary<string, string[]> { ["retry_interval"] = ["must be between 5 seconds and duration (60 seconds)"] };
        var cut = Render(new MonitorFormModel { Kind = MonitorKind.Tcp, Target = "db:5432" }, errors);

        Assert.Contains("必须在 5 秒到检测间隔（60 秒）之间", cut.Find(".mud-input-helper-text.mud-input-error").TextContent);
        Assert.NotNull(cut.Field("重试间隔（秒）"));
        Assert.Contains("反转结果", cut.Markup);
    }
}
