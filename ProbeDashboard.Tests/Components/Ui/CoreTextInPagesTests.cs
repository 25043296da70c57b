using Bunit;
using ProbeDashboard.Alerts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Monitors;
using ProbeDashboard.Overview;

namespace ProbeDashboard.Tests.Components.Ui;

/// <summary>Texts the Core stores in English (probe errors, validation messages) read in the operator's language.</summary>
public class CoreTextInPagesTests : ComponentTest
{
    [Fact]
    public void A_failed_result_names_its_error_in_chinese_and_a_servers_own_text_stays_as_it_is()
    {
        UseCulture("zh-Hans");

        var timedOut = Ctx.Render<ResultText>(p => p.Add(r => r.Success, false).Add(r => r.ErrorMessage, ProbeErrors.TimedOut(5)));
        var teapot = Ctx.Render<ResultText>(p => p.Add(r => r.Success, false).Add(r => r.ErrorMessage, "HTTP/1.1 418 I'm a teapot"));

        Assert.Contains("5 秒后超时", timedOut.Markup);
        Assert.Equal("5 秒后超时", timedOut.Find(".result-fail").GetAttribute("title"));
        Assert.Contains("HTTP/1.1 418 I'm a teapot", teapot.Find(".muted").TextContent);
    }

    [Fact]
    public void A_passing_round_shows_what_it_carries_a_dns_answer_or_a_push_body()
    {
        UseCulture("en");
        var answered = Ctx.Render<ResultText>(p => p.Add(r => r.Success, true).Add(r => r.ErrorMessage, "127.0.0.10, 127.0.0.11"));
        var plain = Ctx.Render<ResultText>(p => p.Add(r => r.Success, true).Add(r => r.StatusCode, 200));

        Assert.Equal("OK", answered.Find(".result-ok").TextContent);
        Assert.Equal(" — 127.0.0.10, 127.0.0.11", answered.Find(".muted").TextContent);
        Assert.Empty(plain.FindAll(".muted"));
    }

    [Fact]
    public void The_down_list_shows_the_last_error_in_the_ui_language()
    {
        var down = new DownMonitor(1, "shop", "https://shop.test", DateTime.UtcNow.AddMinutes(-3), ProbeErrors.KeywordMissing("healthy"));

        UseCulture("zh-Hans");
        var chinese = Ctx.Render<DownMonitorList>(p => p.Add(d => d.Monitors, [down]));
        UseCulture("en");
        var english = Ctx.Render<DownMonitorList>(p => p.Add(d => d.Monitors, [down]));

        Assert.Equal("未找到关键字“healthy”", chinese.Find(".down-error").TextContent);
        Assert.Equal("keyword 'healthy' not found", english.Find(".down-error").TextContent);
    }

    [Fact]
    public void Field_errors_from_the_core_read_in_chinese()
    {
        UseCulture("zh-Hans");
        var errors = new Dictionary<string, string[]> { ["duration"] = ["must be between 10 and 86400 seconds"], ["name"] = ["is required"] };

        Assert.Equal("必须介于 10 到 86400 秒之间", FieldErrorText.Of(errors, "duration"));
        var list = Ctx.Render<FieldErrors>(p => p.Add(f => f.Errors, errors).Add(f => f.Field, "name"));
        Assert.Equal("为必填项", list.Find(".field-error").TextContent);
    }
}
