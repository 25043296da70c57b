using System.Net;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Notifications;

namespace ProbeDashboard.Tests.Api.OpenApi;

/// <summary>
/// Seed 004 alert groups (real notification groups with e-mail and SMS recipients), partner-only user/create and the
/// <c>username</c> rule: a partner acts for users it created, each user sees only their own tasks and groups.
/// </summary>
public sealed class OpenApiUserContractTests(OpenApiAppFixture fixture) : IClassFixture<OpenApiAppFixture>
{
    private const string AlertGroup = "/openapi/v1/user/alert_group/";

    [Fact]
    public async Task An_alert_group_becomes_a_notification_group_and_a_task_with_its_gid_alerts_it()
    {
        var client = await fixture.CreateClientAsync();
        var gid = (await client.PostAsync(AlertGroup, ("name", "ops"), ("alert_email", "ops@example.com"), ("alert_phone", "13208190981")))
            .AssertOk().Data.GetProperty("gid").GetString()!;
        var unnamed = (await client.PostAsync(AlertGroup, ("alert_phone", "13800000000"))).AssertOk().Data.GetProperty("gid").GetString()!;

        var groups = (await client.GetAsync(AlertGroup)).AssertOk().Data.EnumerateArray().ToList();
        Assert.Equal([gid, unnamed], groups.Select(g => g.GetProperty("gid").GetString()));
        Assert.Equal(["name", "gid", "phones", "emails"], groups[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("ops", "ops@example.com", "13208190981"), (groups[0].GetProperty("name").GetString(),
            groups[0].GetProperty("emails")[0].GetString(), groups[0].GetProperty("phones")[0].GetString()));
        Assert.Equal(("默认告警组", 0), (groups[1].GetProperty("name").GetString(), groups[1].GetProperty("emails").GetArrayLength()));

        var notificationGroupId = await fixture.App.WithDbAsync(db => db.OpenApiAlertGroups.Where(g => g.Gid == gid).Select(g => g.NotificationGroupId).SingleAsync());
        var recipients = await fixture.App.WithDbAsync(db => db.NotificationRecipients.Where(r => r.NotificationGroupId == notificationGroupId)
            .Select(r => new { r.Channel, r.Address }).ToListAsync());
        Assert.Contains(recipients, r => r.Channel == NotificationChannelKind.Email && r.Address == "ops@example.com");
        Assert.Contains(recipients, r => r.Channel == NotificationChannelKind.Sms && r.Address == "13208190981");

        var tid = await OpenApiAppFixture.CreateTaskAsync(client, "http://127.0.0.1:9/alerting", "alerting", ("gid", gid));
        var monitorId = await fixture.MonitorIdAsync(tid);
        var monitor = await fixture.App.WithDbAsync(db => db.Monitors.AsNoTracking().SingleAsync(m => m.Id == monitorId));
        Assert.Equal((true, notificationGroupId), (monitor.EnableAlert, monitor.NotificationGroupId));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("not-an-email", null)]
    [InlineData(null, "call me")]
    public async Task An_alert_group_needs_a_valid_email_or_phone(string? email, string? phone)
    {
        var client = await fixture.CreateClientAsync();
        var parameters = new List<(string, string)> { ("name", "bad") };
        if (email is not null) parameters.Add(("alert_email", email));
        if (phone is not null) parameters.Add(("alert_phone", phone));
        (await client.PostAsync(AlertGroup, [.. parameters])).AssertError(30001, HttpStatusCode.BadRequest);
        Assert.Equal(0, (await client.GetAsync(AlertGroup)).AssertOk().Data.GetArrayLength());
    }

    [Fact]
    public async Task Alert_groups_stop_at_the_configured_limit()
    {
        var client = await fixture.CreateClientAsync();
        for (var i = 0; i < 20; i++) (await client.PostAsync(AlertGroup, ("name", $"g{i}"), ("alert_phone", "13800000000"))).AssertOk();
        (await client.PostAsync(AlertGroup, ("name", "one too many"), ("alert_phone", "13800000000"))).AssertError(30002, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_partners_create_users_once_each_with_a_valid_email()
    {
        var plain = await fixture.CreateClientAsync();
        (await plain.PostAsync("/openapi/v1/user/create/", ("email", "someone@example.com"))).AssertError(-1, HttpStatusCode.Forbidden);

        var partner = await fixture.CreateClientAsync(partner: true);
        var created = (await partner.PostAsync("/openapi/v1/user/create/", ("email", "test@knownsec.com"))).AssertOk();
        Assert.Empty(created.Data.EnumerateObject());
        (await partner.PostAsync("/openapi/v1/user/create/", ("email", "test@knownsec.com"))).AssertError(-3, HttpStatusCode.Conflict);
        (await partner.PostAsync("/openapi/v1/user/create/", ("email", "not an email"))).AssertError(-2, HttpStatusCode.BadRequest);
        (await partner.PostAsync("/openapi/v1/user/create/")).AssertError(-2, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_partner_acts_for_its_users_and_each_user_sees_only_their_own_tasks()
    {
        var partner = await fixture.CreateClientAsync(partner: true);
        (await partner.PostAsync("/openapi/v1/user/create/", ("email", "alice@example.com"))).AssertOk();
        (await partner.PostAsync("/openapi/v1/user/create/", ("email", "bob@example.com"))).AssertOk();
        var alices = await OpenApiAppFixture.CreateTaskAsync(partner, "http://127.0.0.1:9/alice", "alice's", ("username", "alice@example.com"));
        await OpenApiAppFixture.CreateTaskAsync(partner, "http://127.0.0.1:9/own", "partner's own");

        var forAlice = (await partner.GetAsync("/openapi/v1/task/list/", ("username", "alice@example.com"))).AssertOk().Data;
        Assert.Equal([alices], forAlice.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("tid").GetString()));
        Assert.Equal(0, (await partner.GetAsync("/openapi/v1/task/list/", ("username", "bob@example.com"))).AssertOk().Data.GetProperty("total").GetInt32());
        Assert.Equal(1, (await partner.GetAsync("/openapi/v1/task/list/")).AssertOk().Data.GetProperty("total").GetInt32());
        (await partner.PostAsync($"/openapi/v1/task/{alices}/delete/", ("username", "bob@example.com"))).AssertError(20001, HttpStatusCode.NotFound);
        var summary = (await partner.GetAsync("/openapi/v1/task/user_summary/", ("username", "alice@example.com"))).AssertOk().Data;
        Assert.Equal(alices, summary.GetProperty("3")[0].GetString());

        var monitorId = await fixture.MonitorIdAsync(alices);
        var origin = await fixture.App.WithDbAsync(db => db.Monitors.Where(m => m.Id == monitorId).Select(m => m.Origin).SingleAsync());
        Assert.Equal($"openapi:{partner.ApiId}/alice@example.com", origin);

        (await partner.GetAsync("/openapi/v1/task/list/", ("username", "nobody@example.com"))).AssertError(-2, HttpStatusCode.BadRequest);
        var plain = await fixture.CreateClientAsync();
        (await plain.GetAsync("/openapi/v1/task/user_summary/", ("username", "alice@example.com"))).AssertError(-1, HttpStatusCode.Forbidden);
    }
}
