using Bunit;
using ProbeDashboard.Ui.Charts;

namespace ProbeDashboard.Tests.Components.Ui;

public class ApexChartTests : ComponentTest
{
    [Fact]
    public void Without_data_the_chart_says_so_and_never_loads_the_library()
    {
        var chart = Ctx.Render<ApexChart>(p => p
            .Add(c => c.Options, new { series = Array.Empty<object>() })
            .Add(c => c.HasData, false)
            .Add(c => c.AriaLabel, "Latency")
            .Add(c => c.EmptyText, "No results in this range"));

        Assert.Contains("No results in this range", chart.Find(".chart-empty").TextContent);
        Assert.Empty(chart.FindAll(".apex-chart"));
        Assert.DoesNotContain(Ctx.JSInterop.Invocations, i => i.Identifier == "import");
    }

    [Fact]
    public void With_data_the_chart_imports_the_chart_module_and_draws_the_options_in_the_current_theme()
    {
        var module = Ctx.JSInterop.SetupModule("./assets/js/charts.js");
        var created = module.SetupModule("create", _ => true);
        var options = new { chart = new { type = "line" }, series = new[] { new { name = "Latency", data = new[] { new object[] { 1L, 2.5 } } } } };

        var chart = Ctx.Render<ApexChart>(p => p
            .Add(c => c.Options, options)
            .Add(c => c.AriaLabel, "Latency")
            .Add(c => c.EmptyText, "No results"));

        Assert.Equal("Latency", chart.Find(".apex-chart[role=img]").GetAttribute("aria-label"));
        var call = Assert.Single(module.Invocations, i => i.Identifier == "create");
        Assert.Same(options, call.Arguments[1]);
        Assert.Equal(false, call.Arguments[3]);
    }
}
