using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Access;

/// <summary>
/// Every command and query of the administration services (hosts, host groups, agent tokens, profiles, settings,
/// users, open-API clients, iplive apps, probe flows, config transfer) as every role: allowed roles run it and
/// leave exactly the case's audit entries, naming them; the others are refused by the service itself, which
/// changes nothing and records nothing.
/// </summary>
public class AdministrationAccessTests(AdministrationFixture fixture) : IClassFixture<AdministrationFixture>
{
    [Theory]
    [MemberData(nameof(AdministrationAccessCases.Table), MemberType = typeof(AdministrationAccessCases))]
    public async Task Each_command_and_query_is_allowed_or_refused_by_role_and_audited_once(string caseName, string role)
    {
        var access = AdministrationAccessCases.Named(caseName);
        var actor = (Actor)TestActors.Roles().Single(r => (string)r[0] == role)[1];
        var act = await access.Arrange(fixture);
        var lastEntry = await fixture.LastAuditIdAsync();
        var before = await fixture.FingerprintAsync();

        if (!access.Allowed.Contains(role))
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => act(actor));
            Assert.Same(actor, refused.Actor);
            Assert.Equal(before, await fixture.FingerprintAsync());
            Assert.Empty(await NewEntriesAsync(lastEntry));
            return;
        }

        await act(actor);
        var entries = await NewEntriesAsync(lastEntry);
        Assert.Equal(access.Audits, entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(actor.Name, e.Actor));
        if (access.Audits.Length == 0) Assert.Equal(before, await fixture.FingerprintAsync());
    }

    [Fact]
    public async Task An_agent_token_reads_its_protocol_and_profiles_but_administers_nothing()
    {
        var agent = ProbeDashboard.Core.Agents.AgentActors.For("table-agent");
        var host = await fixture.AddAgentHostAsync();
        var lastEntry = await fixture.LastAuditIdAsync();

        Assert.Equal(ProbeDashboard.Core.Hosts.AgentCommand.Start, await fixture.Get<ProbeDashboard.Core.Agents.AgentService>().CommandAsync(agent, host.Name, default));
        Assert.True(await fixture.Get<ProbeDashboard.Core.Agents.AgentService>().IsAgentAsync(agent, host.Id, default));
        await fixture.Get<ProbeDashboard.Core.Agents.ProfileService>().ListAsync(agent, "JAVA", default);
        foreach (var access in AdministrationAccessCases.All.Where(c => c.Name is "profile.create" or "agent_token.create" or "host.list" or "host.stop"))
            await Assert.ThrowsAsync<AccessDeniedException>(async () => await (await access.Arrange(fixture))(agent));

        Assert.Empty(await NewEntriesAsync(lastEntry));
        await Assert.ThrowsAsync<AccessDeniedException>(() => fixture.Get<ProbeDashboard.Core.Agents.AgentService>().IsAgentAsync(TestActors.Operator, host.Id, default));
    }

    [Fact]
    public void The_table_covers_every_role_and_each_case_once()
    {
        Assert.Equal(AdministrationAccessCases.All.Count, AdministrationAccessCases.All.Select(c => c.Name).Distinct().Count());
        Assert.Equal(AdministrationAccessCases.All.Count * 4, AdministrationAccessCases.Table().Count());
    }

    private Task<List<ProbeDashboard.Core.Audit.AuditEntry>> NewEntriesAsync(long after) =>
        fixture.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).ToListAsync());
}
