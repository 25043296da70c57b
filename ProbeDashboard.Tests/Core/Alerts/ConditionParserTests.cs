using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Alerts.Conditions;

namespace ProbeDashboard.Tests.Core.Alerts;

public class ConditionParserTests
{
    private static readonly Dictionary<string, double> Busy = new() { ["cpu_usage"] = 95, ["mem_usage"] = 40, ["load"] = 3 };

    [Theory]
    [InlineData("cpu_usage > 90", true)]
    [InlineData("cpu_usage >= 95", true)]
    [InlineData("cpu_usage < 95", false)]
    [InlineData("cpu_usage <= 95.0", true)]
    [InlineData("cpu_usage == 95", true)]
    [InlineData("cpu_usage != 95", false)]
    [InlineData("cpu_usage > 90 && mem_usage > 90", false)]
    [InlineData("cpu_usage > 90 and mem_usage > 90", false)]
    [InlineData("cpu_usage > 99 || load >= 3", true)]
    [InlineData("cpu_usage > 99 OR load >= 3", true)]
    [InlineData("mem_usage > 90 || cpu_usage > 90 && load > 2", true)]
    [InlineData("(mem_usage > 90 || cpu_usage > 90) && load > 5", false)]
    [InlineData("load > -1.5e0", true)]
    public void Conditions_evaluate_with_precedence_and_both_spellings(string condition, bool expected)
    {
        Assert.Equal(expected, ConditionParser.Parse(condition, AlertRuleType.HostMonitor).Evaluate(Busy));
    }

    [Theory]
    [InlineData("cpu > 90", "unknown metric 'cpu' at character 1")]
    [InlineData("cpu_usage > 90 && mem_usage >", "expected number at character 30")]
    [InlineData("cpu_usage > 90 && mem_usage > abc", "expected number but found 'abc' at character 31")]
    [InlineData("cpu_usage 90", "expected comparison operator but found '90' at character 11")]
    [InlineData("(cpu_usage > 90", "expected ')' at character 16")]
    [InlineData("cpu_usage > 90)", "unmatched ')' at character 15")]
    [InlineData("cpu_usage > 90 mem_usage > 1", "expected '&&' or '||' but found 'mem_usage' at character 16")]
    [InlineData("cpu_usage > 90 & load > 1", "unexpected character '&' at character 16")]
    [InlineData("latency > 2", "metric 'latency' does not apply to host_monitor rules at character 1")]
    [InlineData("", "condition is empty at character 1")]
    [InlineData("cpu_usage > 1.2.3", "invalid number '1.2.3' at character 13")]
    public void Errors_name_the_problem_and_its_position(string condition, string message)
    {
        var error = Assert.Throws<ConditionException>(() => ConditionParser.Parse(condition, AlertRuleType.HostMonitor));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Service_metrics_belong_to_service_probe_rules_only()
    {
        var condition = ConditionParser.Parse("latency > 2 || success == 0 || status_code >= 500 || consecutive_failures >= 3 || availability_1h < 99", AlertRuleType.ServiceProbe);
        Assert.Equal(["latency", "success", "status_code", "consecutive_failures", "availability_1h"], condition.Metrics);
        var error = Assert.Throws<ConditionException>(() => ConditionParser.Parse("success == 0 && cpu_usage > 1", AlertRuleType.ServiceProbe));
        Assert.Equal("metric 'cpu_usage' does not apply to service_probe rules at character 17", error.Message);
    }

    [Theory]
    [InlineData("latency > 2", null)]
    [InlineData("latency > 2 && success == 1", false)]
    [InlineData("latency > 2 || success == 0", true)]
    [InlineData("latency > 2 || success == 1", null)]
    public void A_missing_metric_is_unknown_unless_the_rest_decides(string condition, bool? expected)
    {
        var failedRound = new Dictionary<string, double> { ["success"] = 0, ["consecutive_failures"] = 1 };
        Assert.Equal(expected, ConditionParser.Parse(condition, AlertRuleType.ServiceProbe).Evaluate(failedRound));
    }
}
