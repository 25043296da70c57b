using System.Security.Cryptography;
using System.Text;

namespace ProbeDashboard.Core.Compat.IpLive;

/// <summary>
/// A client of the iplive API (seed 002): its <c>app_name</c>, the token it sends on every call (only the SHA-256
/// is kept; the plain token is shown once) and the URL that receives each group's round results.
/// </summary>
public class IpLiveApp
{
    public int Id { get; set; }
    public string AppName { get; set; } = "";
    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public string TokenHash { get; set; } = "";
    /// <summary>The first characters of the token, so an admin can tell apps' tokens apart.</summary>
    public string TokenPrefix { get; set; } = "";
    /// <summary>Where round results are POSTed; null: the app receives no callbacks.</summary>
    public string? CallbackUrl { get; set; }
    public DateTime CreatedAt { get; set; }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A new random token: "ipl_" and 43 url-safe base64 characters.</summary>
    public static string NewToken() =>
        "ipl_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>One app's group of records (<c>group_id</c> is the app's number), with the probe settings its records share.</summary>
public class IpLiveGroup
{
    public int Id { get; set; }
    public int AppId { get; set; }
    public long GroupId { get; set; }
    /// <summary>http, https, tcp or icmp.</summary>
    public string Protocol { get; set; } = "http";
    public int? Port { get; set; }
    public string? Path { get; set; }
    public int IntervalSeconds { get; set; } = 60;
    /// <summary>Set by stop_monitor: its monitors are paused until the next operate_monitor.</summary>
    public bool Stopped { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<IpLiveRecord> Records { get; set; } = [];
}

/// <summary>An app's record (one IP of a group) and the monitor that probes it.</summary>
public class IpLiveRecord
{
    public int Id { get; set; }
    public int IpLiveGroupId { get; set; }
    public long RecordId { get; set; }
    public string Ip { get; set; } = "";
    public int MonitorId { get; set; }
}

/// <summary>A probe node added with add_node: a host whose agent signs in with the node's passwd as its token.</summary>
public class IpLiveNode
{
    public int Id { get; set; }
    public string NodeIp { get; set; } = "";
    public int HostId { get; set; }
    /// <summary>The agent token whose secret is the node's passwd (stored hashed there).</summary>
    public int AgentTokenId { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The host name the node's agent registers with, so registration lands on this node's host.</summary>
    public static string HostName(string nodeIp) => $"iplive-node-{nodeIp}";
}
