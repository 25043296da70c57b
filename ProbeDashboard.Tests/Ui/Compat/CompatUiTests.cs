using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Api.Compat;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.IpLiveWire;

namespace ProbeDashboard.Tests.Ui.Compat;

/// <summary>
/// What the compatibility APIs leave on the monitor pages: monitors tagged with their origin in the list and on their
/// page (iplive apps in Settings and a host's probe flows: Components/Compat).
/// </summary>
public class CompatUiTests(ProbeFlowsFactory factory) : IClassFixture<ProbeFlowsFactory>
{
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private async Task<string> PageAsync(string userName, string password, string path)
    {
        using var session = new DashboardSession(factory);
        await session.SignInAsync(userName, password, Timeout());
        return WebUtility.HtmlDecode(await session.Client.GetStringAsync(path, Timeout()));
    }

    [Fact]
    public async Task An_iplive_monitor_carries_its_origin_to_the_list_rows_and_shows_it_on_its_page()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var token = await CreateAppAsync(admin, "tagged");
        using var client = factory.CreateClient();
        var json = await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", ("app_name", "tagged"), ("token", token),
            ("group_id", "31"), ("record_ids", "5"), ("ips", "127.0.0.1")), 0);
        var monitorId = json.GetProperty("data").GetProperty("records")[0].GetProperty("monitor_id").GetInt32();

        // The list loads its rows once interactive (the browser journey sees the chip); its query must carry the origin.
        var page = await factory.Services.GetRequiredService<MonitorQueries>()
            .ListAsync(TestActors.Viewer, new MonitorListFilter("tagged/31"), new MonitorSort(), 0, 20, CancellationToken.None);
        Assert.Equal("iplive:tagged/31", Assert.Single(page.Rows).Origin);
        var detail = await PageAsync(DashboardFactory.AdminUser, DashboardFactory.AdminPassword, $"/monitors/{monitorId}");
        Assert.Matches(@"(?s)<h1>iplive tagged/31 #5</h1>.*origin-tag.*>iplive:tagged/31<", detail);
    }
}
