using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Ui.Alerts;

/// <summary>The validate-condition endpoint points at the character counted from 1, as the rule dialog's editor does (Components/Alerts/AlertRuleDialogTests).</summary>
public class ConditionErrorPositionTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    // "cpu_usage > " ends where a number should be: the 13th character.
    private const string Broken = "cpu_usage > ";

    [Fact]
    public async Task The_API_reports_the_1_based_character_in_position_and_in_the_message()
    {
        using var client = await factory.CreateClientAsync(UserRole.Viewer);
        using var response = await client.PostAsync("/api/v1/alert-rules/validate-condition", ApiJson.Content(new { type = "host_monitor", condition = Broken }));
        var data = (await response.JsonAsync()).GetProperty("data");
        Assert.Equal(13, data.GetProperty("position").GetInt32());
        Assert.Equal("expected number at character 13", data.GetProperty("error").GetString());
    }
}
