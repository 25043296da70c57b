using System.Net;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Compat.IpLive;

public sealed record IpLiveNodeIds(string NodeIp, int HostId);

/// <summary>
/// add_node: a probe node becomes a host named <c>iplive-node-&lt;ip&gt;</c>, and its passwd becomes an agent token
/// (kept only as SHA-256, like every agent token), so the node's agent signs in with it and registers as that host.
/// Adding the same node again replaces its passwd.
/// </summary>
public sealed class IpLiveNodes(IDbContextFactory<ProbeDbContext> dbFactory, TimeProvider time)
{
    public const int MinPasswdLength = 6;

    public async Task<IpLiveOutcome> AddAsync(string nodeIp, string passwd, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(nodeIp, out var address)) return IpLiveOutcome.Invalid($"node_ip '{nodeIp}' is not an IP address");
        if (passwd.Length < MinPasswdLength) return IpLiveOutcome.Invalid($"passwd must have at least {MinPasswdLength} characters");
        var ip = address.ToString();
        var hash = AgentToken.Hash(passwd);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var node = await db.IpLiveNodes.SingleOrDefaultAsync(n => n.NodeIp == ip, cancellationToken);
        var sameSecret = await db.AgentTokens.Where(t => t.TokenHash == hash).Select(t => (int?)t.Id).SingleOrDefaultAsync(cancellationToken);
        if (sameSecret is { } tokenId && tokenId != node?.AgentTokenId)
            return IpLiveOutcome.Invalid("passwd is already used by another node or agent token; choose another");

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var hostName = IpLiveNode.HostName(ip);
        var host = await db.Hosts.SingleOrDefaultAsync(h => h.Name == hostName, cancellationToken);
        if (host is null)
        {
            host = new ProbeHost { Name = hostName, Hostname = ip, CreatedAt = now };
            db.Hosts.Add(host);
        }
        var token = node is null ? null : await db.AgentTokens.SingleOrDefaultAsync(t => t.Id == node.AgentTokenId, cancellationToken);
        if (token is null)
        {
            token = new AgentToken { Name = $"iplive node {ip}", CreatedAt = now };
            db.AgentTokens.Add(token);
        }
        token.TokenHash = hash;
        // Never a piece of the passwd: it may be short and reused elsewhere.
        token.Prefix = "iplive";
        token.RevokedAt = null;
        await db.SaveChangesAsync(cancellationToken);

        node ??= db.IpLiveNodes.Add(new IpLiveNode { NodeIp = ip, CreatedAt = now }).Entity;
        (node.HostId, node.AgentTokenId) = (host.Id, token.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return IpLiveOutcome.Ok(new IpLiveNodeIds(ip, host.Id));
    }

    /// <returns>The host of the node whose passwd is <paramref name="token"/>, or null.</returns>
    public async Task<int?> HostOfAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        var hash = AgentToken.Hash(token.Trim());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (from t in db.AgentTokens
                      join n in db.IpLiveNodes on t.Id equals n.AgentTokenId
                      where t.TokenHash == hash && t.RevokedAt == null
                      select (int?)n.HostId).FirstOrDefaultAsync(cancellationToken);
    }
}
