using System.Text.Json;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Agents.Protocol;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Tests.Core.Monitors.Flap;

/// <summary>An agent probes an upside-down monitor upside down too: the flag travels in its task list.</summary>
public sealed class AgentTaskFlapTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_task_an_agent_receives_keeps_upside_down(bool upsideDown)
    {
        var monitor = new MonitorDefinition { Id = 4, Name = "telnet closed", Kind = MonitorKind.Tcp, Target = "10.0.0.5:23", UpsideDown = upsideDown };

        var task = AgentTaskCatalog.ToTask(monitor);
        var received = JsonSerializer.Deserialize<AgentTask>(JsonSerializer.Serialize(task, AgentJson.Options), AgentJson.Options)!;

        Assert.Equal(upsideDown, AgentTaskCatalog.ToMonitor(received).UpsideDown);
    }
}
